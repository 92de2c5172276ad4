package dev.digits.features.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.digits.api.vad.SpeechDetector;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Silero VAD ({@code silero_vad.onnx}, v4: inputs {@code input} [1, samples], {@code sr}, LSTM states {@code h} and
 * {@code c} [2, 1, 64]) on 32 ms frames at 8 or 16 kHz. The ONNX session is shared by every detector; each
 * detector keeps its own LSTM state.
 */
final class SileroSpeechDetector implements SpeechDetector {
    private static final Map<Path, OrtSession> SESSIONS = new ConcurrentHashMap<>();

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final int rate;
    private final float[] h = new float[2 * 64];
    private final float[] c = new float[2 * 64];

    SileroSpeechDetector(Path model, int rate) throws IOException {
        if (rate != 8000 && rate != 16000) {
            throw new IllegalArgumentException("silero takes 8000 or 16000 Hz, not " + rate);
        }
        this.rate = rate;
        this.session = session(model);
    }

    private static OrtSession session(Path model) throws IOException {
        try {
            return SESSIONS.computeIfAbsent(model.toAbsolutePath().normalize(), m -> {
                try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                    options.setIntraOpNumThreads(1);
                    options.setInterOpNumThreads(1);
                    return OrtEnvironment.getEnvironment().createSession(m.toString(), options);
                } catch (OrtException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException(model + ": Silero VAD cannot be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public int frameSamples() {
        return rate / 1000 * 32;
    }

    @Override
    public float speechProbability(float[] frame) {
        long[] state = {2, 1, 64};
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(frame, 0, frameSamples()),
                new long[] {1, frameSamples()});
             OnnxTensor sr = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {rate}), new long[0]);
             OnnxTensor hIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(h), state);
             OnnxTensor cIn = OnnxTensor.createTensor(env, FloatBuffer.wrap(c), state);
             OrtSession.Result out = session.run(Map.of("input", input, "sr", sr, "h", hIn, "c", cIn))) {
            float p = ((OnnxTensor) out.get(0)).getFloatBuffer().get(0);
            ((OnnxTensor) out.get(1)).getFloatBuffer().get(h);
            ((OnnxTensor) out.get(2)).getFloatBuffer().get(c);
            return p;
        } catch (OrtException e) {
            throw new IllegalStateException("Silero VAD failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(h, 0);
        java.util.Arrays.fill(c, 0);
    }

    @Override
    public void close() {
        // the session is shared; its native memory goes with the process
    }
}
