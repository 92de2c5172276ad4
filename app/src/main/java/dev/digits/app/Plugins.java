package dev.digits.app;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.plugin.PluginRegistry;

/** The extractor and backend plugins available to the application. */
public record Plugins(PluginRegistry<FeatureExtractorProvider> extractors, PluginRegistry<ClassifierProvider> backends) {

    /** Discovers both kinds on a class loader (the application's, in production). */
    public static Plugins discover(ClassLoader loader) {
        return new Plugins(PluginRegistry.discover(FeatureExtractorProvider.class, "extractor", loader),
                PluginRegistry.discover(ClassifierProvider.class, "backend", loader));
    }
}
