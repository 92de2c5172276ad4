package dev.digits.features.embedding;

import ai.onnxruntime.OrtEnvironment;
import dev.digits.api.vad.SpeechDetector;
import dev.digits.api.vad.SpeechDetectorProvider;

import java.io.IOException;

/** {@code silero}: Silero VAD (MIT), a trained speech detector, from the pinned package of the speech embedding. */
public final class SileroDetectorProvider implements SpeechDetectorProvider {
    public static final String NAME = "silero";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Silero VAD (ONNX, MIT): speech probability per 32 ms frame at 8 or 16 kHz";
    }

    @Override
    public void checkAvailable() {
        OrtEnvironment.getEnvironment(); // loads ONNX Runtime's native library
    }

    @Override
    public SpeechDetector open(int inputRate) throws IOException {
        return new SileroSpeechDetector(SpeechModelFiles.installed(null).resolve(SpeechModelFiles.VAD),
                inputRate == 8000 ? 8000 : 16000);
    }
}
