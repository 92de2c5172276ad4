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
 * (0.775 s) into a 96-d embedding. One intra-op thread each. The sessions
 * live as long as the process: they are not closed on exit, since a server draining its requests on shutdown may
 * still be running them then.
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
    private final OrtSession wholeClip;

    private SpeechEmbeddingModel(Path folder) throws OrtException, IOException {
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            mel = env.createSession(folder.resolve(SpeechModelFiles.MEL).toString(), options);
            embedding = env.createSession(folder.resolve(SpeechModelFiles.EMBEDDING).toString(), options);
            wholeClip = env.createSession(WholeClipGraph.from(Files.readAllBytes(folder.resolve(SpeechModelFiles.EMBEDDING))),
                    options);
        }
    }

    /** The models in {@code folder} (holding the pinned files), loaded on first use. */
    public static SpeechEmbeddingModel in(Path folder) throws IOException {
        Path key = folder.toAbsolutePath().normalize();
        try {
            return LOADED.computeIfAbsent(key, k -> {
                try {
                    return new SpeechEmbeddingModel(k);
                } catch (OrtException | IOException | IllegalArgumentException e) {
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
     * Embeddings of windows of {@link #WINDOW_FRAMES} mel frames starting every {@code step} frames. A step that is
     * a multiple of 8 runs the whole clip through the network at once ({@link WholeClipGraph}); any other step runs
     * the windows one by one. Both give the same numbers.
     *
     * @return {@code [windows][96]}; no rows when there are fewer frames than one window
     */
    public float[][] embed(float[][] mel, int step) {
        return step % WholeClipGraph.STRIDE == 0 ? embedWholeClip(mel, step) : embedWindows(mel, step);
    }

    /** {@link #embed} window by window, a batch of 76-frame inputs. */
    float[][] embedWindows(float[][] mel, int step) {
        int windows = windows(mel.length, step);
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

    /** {@link #embed} for a step that is a multiple of 8: one pass over the frames the windows cover. */
    float[][] embedWholeClip(float[][] mel, int step) {
        int windows = windows(mel.length, step);
        if (windows == 0) {
            return new float[0][];
        }
        int every = step / WholeClipGraph.STRIDE;
        int outputs = (windows - 1) * every + 1;
        int frames = WINDOW_FRAMES + (outputs - 1) * WholeClipGraph.STRIDE;
        FloatBuffer in = FloatBuffer.allocate(frames * BANDS);
        for (int f = 0; f < frames; f++) {
            in.put(mel[f]);
        }
        in.flip();
        try (OnnxTensor input = OnnxTensor.createTensor(env, in, new long[] {1, frames, BANDS, 1});
             OrtSession.Result result = wholeClip.run(Map.of("input_1", input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            if (out.remaining() != outputs * DIMENSIONS) {
                throw new IllegalStateException("embedding_model.onnx over " + frames + " frames gave "
                        + out.remaining() + " values, not " + outputs + " x " + DIMENSIONS);
            }
            // the network's output is [1, 96, outputs, 1]: channel-major
            float[][] e = new float[windows][DIMENSIONS];
            for (int k = 0; k < DIMENSIONS; k++) {
                for (int w = 0; w < windows; w++) {
                    e[w][k] = out.get(k * outputs + w * every);
                }
            }
            return e;
        } catch (OrtException e) {
            throw new IllegalStateException("embedding_model.onnx failed: " + e.getMessage(), e);
        }
    }

    private static int windows(int frames, int step) {
        return frames < WINDOW_FRAMES ? 0 : (frames - WINDOW_FRAMES) / step + 1;
    }

    /** Whether both model files exist in {@code folder}. */
    static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(SpeechModelFiles.MEL))
                && Files.isRegularFile(folder.resolve(SpeechModelFiles.EMBEDDING));
    }
}
