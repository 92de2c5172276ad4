package dev.digits.features.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two ONNX models of speech_embedding, loaded once per folder and process and shared by every extractor
 * (ONNX Runtime sessions are safe to run from several threads): {@code melspectrogram.onnx} turns 16 kHz
 * audio at int16 scale into 32-band mel frames every 10 ms, {@code embedding_model.onnx} turns 76 frames
 * (0.775 s) into a 96-d embedding. One intra-op thread each; the sessions are closed when the JVM exits.
 */
public final class SpeechEmbeddingModel {
    /** Mel frames per embedding window. */
    public static final int WINDOW_FRAMES = 76;
    /** Mel bands. */
    public static final int BANDS = 32;
    /** Embedding size. */
    public static final int DIMENSIONS = 96;
    /** Samples per mel frame (10 ms at 16 kHz), and the first frame's extent. */
    public static final int HOP = 160;
    public static final int FIRST_FRAME = 512;

    private static final Map<Path, SpeechEmbeddingModel> LOADED = new ConcurrentHashMap<>();

    private final OrtEnvironment env;
    private final OrtSession mel;
    private final OrtSession embedding;

    private SpeechEmbeddingModel(Path folder) throws OrtException {
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            mel = env.createSession(folder.resolve(SpeechModelFiles.MEL).toString(), options);
            embedding = env.createSession(folder.resolve(SpeechModelFiles.EMBEDDING).toString(), options);
        }
    }

    /** The models in {@code folder} (holding the pinned files), loaded on first use. */
    public static SpeechEmbeddingModel in(Path folder) throws IOException {
        Path key = folder.toAbsolutePath().normalize();
        try {
            return LOADED.computeIfAbsent(key, k -> {
                try {
                    SpeechEmbeddingModel m = new SpeechEmbeddingModel(k);
                    Runtime.getRuntime().addShutdownHook(new Thread(m::close, "speech-embedding-close"));
                    return m;
                } catch (OrtException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException(folder + ": the speech-embedding models cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** Frames the mel model gives for {@code samples} input samples. */
    public static int frames(int samples) {
        return samples < FIRST_FRAME ? 0 : (samples - FIRST_FRAME) / HOP + 1;
    }

    /**
     * The mel spectrogram as openWakeWord uses it: the model's output divided by 10, plus 2.
     *
     * @param samples 16 kHz audio at int16 scale, at least {@link #FIRST_FRAME} samples
     * @return {@code [frames][32]}
     */
    public float[][] mel(float[] samples) {
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(samples), new long[] {1, samples.length});
             OrtSession.Result result = mel.run(Map.of("input", input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            int frames = out.remaining() / BANDS;
            float[][] m = new float[frames][BANDS];
            for (int f = 0; f < frames; f++) {
                for (int b = 0; b < BANDS; b++) {
                    m[f][b] = out.get() / 10f + 2f;
                }
            }
            return m;
        } catch (OrtException e) {
            throw new IllegalStateException("melspectrogram.onnx failed: " + e.getMessage(), e);
        }
    }

    /**
     * Embeddings of windows of {@link #WINDOW_FRAMES} mel frames starting every {@code step} frames.
     *
     * @return {@code [windows][96]}; no rows when there are fewer frames than one window
     */
    public float[][] embed(float[][] mel, int step) {
        int windows = mel.length < WINDOW_FRAMES ? 0 : (mel.length - WINDOW_FRAMES) / step + 1;
        if (windows == 0) {
            return new float[0][];
        }
        FloatBuffer in = FloatBuffer.allocate(windows * WINDOW_FRAMES * BANDS);
        for (int w = 0; w < windows; w++) {
            for (int f = 0; f < WINDOW_FRAMES; f++) {
                in.put(mel[w * step + f]);
            }
        }
        in.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(env, in, new long[] {windows, WINDOW_FRAMES, BANDS, 1});
             OrtSession.Result result = embedding.run(Map.of("input_1", input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[][] e = new float[windows][DIMENSIONS];
            for (int w = 0; w < windows; w++) {
                out.get(e[w]);
            }
            return e;
        } catch (OrtException e) {
            throw new IllegalStateException("embedding_model.onnx failed: " + e.getMessage(), e);
        }
    }

    private void close() {
        try {
            mel.close();
            embedding.close();
        } catch (OrtException e) {
            // the JVM is exiting; nothing more to do
        }
    }

    /** Whether both model files exist in {@code folder}. */
    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(SpeechModelFiles.MEL))
                && Files.isRegularFile(folder.resolve(SpeechModelFiles.EMBEDDING));
    }
}
