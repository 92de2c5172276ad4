package dev.digits.features.embedding;

import dev.digits.core.fetch.PinnedInstaller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The model files for tests: installed once per test JVM from the copy the build fetched (no network). */
final class TestModels {
    private static Path folder;

    private TestModels() {
    }

    /** The build's copy of the pinned package (target/pinned). */
    static Path pinnedCopy() {
        return Path.of(System.getProperty("digits.pinned", "target/pinned"));
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("digits-speech-models-");
                folder = new PinnedInstaller(line -> { }).install(SpeechModelFiles.PACKAGE, dir.resolve("models"),
                        List.of(pinnedCopy().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
