package dev.digits.recognition;

import dev.digits.api.audio.AudioClip;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.bundle.BundleManifest.TrainingData;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.WavFile;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.training.ProbabilityMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recognises the digit of one decoded recording with a model bundle, or says it holds no speech (see
 * {@link SpeechPresence}). Safe to share between threads: features are computed concurrently (extractors are
 * thread-safe), model calls one at a time (not every backend's model is).
 */
public final class ClipRecognizer {
    private final ModelBundle bundle;
    private final SpeechPresence presence;
    private final Object modelLock = new Object();

    public ClipRecognizer(ModelBundle bundle) {
        this(bundle, SpeechPresence.DEFAULT);
    }

    public ClipRecognizer(ModelBundle bundle, SpeechPresence presence) {
        this.bundle = bundle;
        this.presence = presence;
    }

    public SpeechPresence presence() {
        return presence;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    /**
     * The digit of {@code wav}, with every label ranked and the ways the recording differs from the training data;
     * {@code ?} and the reason when the model hears speech that is not a digit; or {@code -} and the reason when it
     * holds no speech.
     *
     * @throws IllegalStateException if the model produces non-finite probabilities
     */
    public Recognition recognize(WavFile wav, String name) {
        return recognize(wav, name, OpenSetRule.CLOSED);
    }

    /**
     * As {@link #recognize(WavFile, String)}, answering {@code ?} as {@code rule} says (below its confidence
     * threshold too).
     */
    public Recognition recognize(WavFile wav, String name, OpenSetRule rule) {
        long t0 = System.nanoTime();
        java.util.Optional<String> none = presence.noSpeech(wav.mono(), wav.format().sampleRate());
        if (none.isPresent()) {
            return Recognition.noSpeech(name, none.get(), warnings(wav, bundle.trainingData()), System.nanoTime() - t0);
        }
        float[] p = probabilities(new AudioClip(wav.mono(), wav.format().sampleRate(), null, null, name));
        int digit = OpenSetRule.bestDigit(p);
        java.util.Optional<String> notADigit = rule.reason(p);
        return new Recognition(name, notADigit.isPresent() ? Recognition.NOT_A_DIGIT : bundle.labels().get(digit),
                p[digit], rank(p, bundle.labels()), warnings(wav, bundle.trainingData()), notADigit.orElse(null),
                System.nanoTime() - t0);
    }

    /**
     * Class probabilities for one clip, in label order (resampled to the model's input rate first).
     *
     * @throws IllegalStateException if the model produces non-finite probabilities
     */
    public float[] probabilities(AudioClip clip) {
        float[] features = bundle.features(clip).values();
        float[][] p;
        synchronized (modelLock) {
            p = bundle.model().predictProbabilities(new float[][] {features});
        }
        return ProbabilityMetrics.requireFinite(p)[0];
    }

    /** Labels by falling probability (ties: label order). */
    static List<RankedDigit> rank(float[] p, List<String> labels) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        List<RankedDigit> out = new ArrayList<>(p.length);
        for (int i : order) {
            out.add(new RankedDigit(labels.get(i), p[i]));
        }
        return out;
    }

    /** How a recording differs from the training data; it is handled (downmixed, resampled), but users should know. */
    public static List<String> warnings(WavFile wav, TrainingData training) {
        List<String> w = new ArrayList<>();
        if (wav.warning() != null) {
            w.add(wav.warning());
        }
        int rate = wav.format().sampleRate();
        Integer inputRate = training.resolvedInputRate().orElse(null);
        if (inputRate != null && rate != inputRate) {
            w.add(rate + " Hz, resampled to the " + inputRate + " Hz the model was trained on");
        } else if (inputRate == null && !training.sampleRates().contains(rate)) {
            w.add(rate + " Hz, a rate the model never met (it was trained on " + training.sampleRates()
                    + " Hz audio, each clip at its own rate)");
        }
        if (wav.format().channels() > 1) {
            w.add(wav.format().channels() + " channels, downmixed to mono (the model was trained on mono)");
        }
        double seconds = wav.format().durationSeconds();
        if (seconds > training.maxSeconds() * 2) {
            w.add(String.format(Locale.ROOT, "%.2f s long; training clips were %.2f-%.2f s (one digit per file is assumed; "
                    + "use digits stream for digit strings)", seconds, training.minSeconds(), training.maxSeconds()));
        } else if (seconds < training.minSeconds() / 2) {
            w.add(String.format(Locale.ROOT, "%.3f s long; training clips were %.2f-%.2f s", seconds, training.minSeconds(),
                    training.maxSeconds()));
        }
        return w;
    }
}
