package dev.digits.api.features;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.params.Parameters;

/**
 * Turns one audio clip into {@link Features}. Instances are created by a {@link FeatureExtractorProvider}
 * with resolved parameters and must be safe to call from several threads at once.
 */
public interface FeatureExtractor {

    /** The provider name this extractor was created by, such as {@code mfcc-librosa}. */
    String name();

    /** Every parameter, defaults filled in: together with {@link #name()} this fixes the output. */
    Parameters parameters();

    /**
     * Raised by an extractor's authors whenever the same name and parameters start giving different numbers;
     * cached features and provenance carry it, so a cache never mixes old numbers with new.
     */
    default int revision() {
        return 1;
    }

    Features extract(AudioClip clip);

    /**
     * Files the output depends on besides the code, such as pre-trained model weights, by name: model bundles
     * carry them (so a bundle works where they were never installed) and provenance records their SHA-256.
     */
    default java.util.Map<String, java.nio.file.Path> files() {
        return java.util.Map.of();
    }

    /** Whether {@link #extract} returns a {@code [coefficients x frames]} matrix rather than a vector. */
    boolean producesMatrix();
}
