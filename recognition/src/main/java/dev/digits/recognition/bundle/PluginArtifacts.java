package dev.digits.recognition.bundle;

import java.util.Map;
import java.util.Optional;

/** Which Maven artifact brings each plugin that ships with digits, for the message when a bundle needs a missing one. */
final class PluginArtifacts {
    private static final Map<String, String> EXTRACTORS = Map.of(
            "mfcc-librosa", "digits-features-mfcc",
            "logmel-librosa", "digits-features-mfcc",
            "mfcc-tarsos", "digits-features-tarsos",
            "speech-embedding", "digits-features-embedding");
    private static final Map<String, String> BACKENDS = Map.of(
            "dl4j", "digits-backend-dl4j",
            "tensorflow", "digits-backend-tensorflow",
            "tribuo", "digits-backend-tribuo");

    private PluginArtifacts() {
    }

    /** {@code dev.digits:ARTIFACT} for a shipped extractor plugin. */
    static Optional<String> extractor(String name) {
        return Optional.ofNullable(EXTRACTORS.get(name)).map(a -> "dev.digits:" + a);
    }

    /** {@code dev.digits:ARTIFACT} for a shipped backend plugin. */
    static Optional<String> backend(String name) {
        return Optional.ofNullable(BACKENDS.get(name)).map(a -> "dev.digits:" + a);
    }
}
