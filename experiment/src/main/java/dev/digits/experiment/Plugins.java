package dev.digits.experiment;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.api.vad.SpeechDetectorProvider;
import dev.digits.core.dataset.SplitProtocolProvider;
import dev.digits.recognition.bundle.RecognitionPlugins;
import dev.digits.experiment.engine.EngineProvider;

/**
 * The extractor, backend, augmentation, split-protocol, engine and speech-detector plugins available to the
 * application.
 */
public record Plugins(PluginRegistry<FeatureExtractorProvider> extractors, PluginRegistry<ClassifierProvider> backends,
                      PluginRegistry<AugmentationProvider> augmentations, PluginRegistry<SplitProtocolProvider> protocols,
                      PluginRegistry<EngineProvider> engines, PluginRegistry<SpeechDetectorProvider> speechDetectors)
        implements RecognitionPlugins {

    /** Discovers every kind on a class loader (the application's, in production). */
    public static Plugins discover(ClassLoader loader) {
        return new Plugins(PluginRegistry.discover(FeatureExtractorProvider.class, "extractor", loader),
                PluginRegistry.discover(ClassifierProvider.class, "backend", loader),
                PluginRegistry.discover(AugmentationProvider.class, "augmentation", loader),
                PluginRegistry.discover(SplitProtocolProvider.class, "split protocol", loader),
                PluginRegistry.discover(EngineProvider.class, "engine", loader),
                PluginRegistry.discover(SpeechDetectorProvider.class, "speech detector", loader));
    }
}
