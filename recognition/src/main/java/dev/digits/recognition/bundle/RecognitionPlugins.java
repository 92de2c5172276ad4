package dev.digits.recognition.bundle;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.api.vad.SpeechDetectorProvider;

/**
 * The plugins recognition needs: the extractors and backends a bundle names, and the speech detectors a stream can
 * use. The experiment engine's plugin set is one too.
 */
public interface RecognitionPlugins {

    PluginRegistry<FeatureExtractorProvider> extractors();

    PluginRegistry<ClassifierProvider> backends();

    PluginRegistry<SpeechDetectorProvider> speechDetectors();

    /** The plugins found on a class loader's class path. */
    static RecognitionPlugins discover(ClassLoader loader) {
        return new Found(PluginRegistry.discover(FeatureExtractorProvider.class, "extractor", loader),
                PluginRegistry.discover(ClassifierProvider.class, "backend", loader),
                PluginRegistry.discover(SpeechDetectorProvider.class, "speech detector", loader));
    }

    /** Plugins as found on a class path. */
    record Found(PluginRegistry<FeatureExtractorProvider> extractors, PluginRegistry<ClassifierProvider> backends,
                 PluginRegistry<SpeechDetectorProvider> speechDetectors) implements RecognitionPlugins {
    }
}
