package dev.digits.features.embedding;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.params.Parameters;
import dev.digits.dsp.DspRevision;
import dev.digits.dsp.SilenceTrim;
import dev.digits.features.mfcc.BandLimitedResampler;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Features from the frozen speech_embedding model: the clip is resampled to 16 kHz, trimmed of silence,
 * scaled to half of full scale, centred in a fixed window with faint fixed noise, turned into mel frames and
 * then into one 96-d embedding per 0.775 s window (every {@code step} frames), pooled over the windows or kept
 * as a {@code [96 x windows]} matrix.
 */
final class SpeechEmbeddingExtractor implements FeatureExtractor {
    static final int RATE = 16000;
    private static final float FULL_SCALE = 32767f;

    private final Parameters parameters;
    private final Path folder;
    private final SpeechEmbeddingModel model;
    private final SilenceTrim trim;
    private final boolean peak;
    private final int windowSamples;
    private final float[] noise;
    private final int step;
    private final String pooling;
    private final Map<Integer, BandLimitedResampler> resamplers = new ConcurrentHashMap<>();

    SpeechEmbeddingExtractor(Parameters parameters, Path folder, SpeechEmbeddingModel model) {
        this.parameters = parameters;
        this.folder = folder;
        this.model = model;
        double trimDb = parameters.getDouble("trim_db");
        Map<String, Object> trimSetting = new LinkedHashMap<>();
        trimSetting.put("trim_db", trimDb == 0 ? null : trimDb);
        this.trim = SilenceTrim.from(Parameters.of(trimSetting));
        this.peak = "peak".equals(parameters.getString("normalize"));
        this.windowSamples = (int) Math.round(parameters.getDouble("window") * RATE);
        this.step = parameters.getInt("step");
        this.pooling = parameters.getString("pooling");
        // the same faint noise under every clip: the model never sees digital silence, and features repeat
        this.noise = new float[windowSamples];
        Random random = new Random(0);
        double sd = parameters.getDouble("noise");
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * sd);
        }
    }

    @Override
    public String name() {
        return SpeechEmbeddingProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    /**
     * Own revision 2 (2: the whole-clip embedding pass, float rounding apart the same numbers), raised with every
     * revision of the shared DSP code it uses (silence trimming).
     */
    @Override
    public int revision() {
        return DspRevision.of(2);
    }

    @Override
    public boolean producesMatrix() {
        return pooling.equals("none");
    }

    @Override
    public Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(SpeechModelFiles.MEL, folder.resolve(SpeechModelFiles.MEL));
        files.put(SpeechModelFiles.EMBEDDING, folder.resolve(SpeechModelFiles.EMBEDDING));
        return files;
    }

    /** The model input for a clip: 16 kHz, trimmed, scaled to int16 range, centred in the window, with noise. */
    float[] modelInput(AudioClip clip) {
        float[] x = clip.samples();
        if (clip.sampleRate() != RATE) {
            x = resamplers.computeIfAbsent(clip.sampleRate(), r -> new BandLimitedResampler(r, RATE)).resample(x);
        }
        x = trim.apply(clip.withSamples(x, RATE)).samples();
        float scale = FULL_SCALE;
        if (peak) {
            float max = 0;
            for (float v : x) {
                max = Math.max(max, Math.abs(v));
            }
            scale = max > 0 ? 0.5f * FULL_SCALE / max : 0;
        }
        float[] input = noise.clone();
        int length = Math.min(x.length, windowSamples);
        int offset = (windowSamples - length) / 2;
        for (int i = 0; i < length; i++) {
            input[offset + i] += x[i] * scale;
        }
        return input;
    }

    @Override
    public Features extract(AudioClip clip) {
        float[][] embeddings = model.embed(model.mel(modelInput(clip)), step);
        int windows = embeddings.length;
        int d = SpeechEmbeddingModel.DIMENSIONS;
        switch (pooling) {
            case "none": {
                float[] m = new float[d * windows];
                for (int w = 0; w < windows; w++) {
                    for (int k = 0; k < d; k++) {
                        m[k * windows + w] = embeddings[w][k];
                    }
                }
                return Features.matrix(m, d, windows);
            }
            case "flatten": {
                float[] v = new float[d * windows];
                for (int w = 0; w < windows; w++) {
                    System.arraycopy(embeddings[w], 0, v, w * d, d);
                }
                return Features.vector(v);
            }
            default: {
                boolean mean = pooling.startsWith("mean");
                boolean max = pooling.endsWith("max");
                float[] v = new float[(mean && max) ? 2 * d : d];
                for (int k = 0; k < d; k++) {
                    float sum = 0;
                    float best = Float.NEGATIVE_INFINITY;
                    for (float[] e : embeddings) {
                        sum += e[k];
                        best = Math.max(best, e[k]);
                    }
                    if (mean) {
                        v[k] = sum / windows;
                    }
                    if (max) {
                        v[mean ? d + k : k] = best;
                    }
                }
                return Features.vector(v);
            }
        }
    }
}
