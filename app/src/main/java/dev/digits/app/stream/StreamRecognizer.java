package dev.digits.app.stream;

import dev.digits.api.audio.AudioClip;
import dev.digits.app.bundle.ModelBundle;
import dev.digits.app.recognition.ClipRecognizer;

import java.util.List;
import java.util.function.Consumer;

/**
 * The streaming pipeline: audio chunks go through the {@link VoiceActivityDetector}; each utterance is
 * classified with a model bundle as soon as the detector closes it, and reported with its time span, digit and
 * confidence ({@code ?} below the confidence threshold).
 */
public final class StreamRecognizer {

    /** One recognised utterance. {@code decisionNanos}: classification time after the detector closed it. */
    public record Recognition(double startSeconds, double endSeconds, String digit, float confidence,
                              long decisionNanos) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "%.2f %.2f %s %.4f", startSeconds, endSeconds, digit, confidence);
        }
    }

    private final VoiceActivityDetector vad;

    /**
     * Builds the pipeline and warms it up (classifies a few synthetic clips of typical lengths), so that the
     * first real utterance does not pay for code compilation and FFT plans.
     */
    public StreamRecognizer(ModelBundle bundle, int sampleRate, VoiceActivityDetector.Settings settings,
                            double minConfidence, Consumer<Recognition> sink) {
        this(warmedUp(new ClipRecognizer(bundle), sampleRate), sampleRate, settings, minConfidence, sink);
    }

    /** Builds the pipeline on a recognizer that may be shared with other streams (no warm-up), energy frames. */
    public StreamRecognizer(ClipRecognizer recognizer, int sampleRate, VoiceActivityDetector.Settings settings,
                            double minConfidence, Consumer<Recognition> sink) {
        this(recognizer, sampleRate, settings, EnergyFrames.of(sampleRate, settings), minConfidence, sink);
    }

    /** Builds the pipeline on a recognizer that may be shared with other streams (no warm-up). */
    public StreamRecognizer(ClipRecognizer recognizer, int sampleRate, VoiceActivityDetector.Settings settings,
                            FrameDecider frames, double minConfidence, Consumer<Recognition> sink) {
        List<String> labels = recognizer.bundle().labels();
        this.vad = new VoiceActivityDetector(sampleRate, settings, frames, u -> {
            if (recognizer.presence().noSpeech(u.samples(), sampleRate).isPresent()) {
                return; // a burst of noise or a click, not a word: nothing is printed
            }
            float[] p = recognizer.probabilities(new AudioClip(u.samples(), sampleRate, null, null, "stream"));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            String digit = p[best] >= minConfidence ? labels.get(best) : "?";
            sink.accept(new Recognition(u.start() / (double) sampleRate, u.end() / (double) sampleRate, digit, p[best],
                    System.nanoTime() - u.decidedAtNanos()));
        });
    }

    /**
     * Classifies synthetic clips of typical utterance lengths at {@code sampleRate}, so that the first real
     * utterance does not pay for code compilation, FFT plans and native sessions; returns {@code recognizer}.
     */
    public static ClipRecognizer warmedUp(ClipRecognizer recognizer, int sampleRate) {
        java.util.Random random = new java.util.Random(0);
        for (double seconds = 0.2; seconds <= 1.6; seconds += 0.05) {
            float[] x = new float[(int) (seconds * sampleRate)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.01 * random.nextGaussian());
            }
            recognizer.probabilities(new AudioClip(x, sampleRate, null, null, "warm-up"));
        }
        return recognizer;
    }

    public void accept(float[] samples, int count) {
        vad.accept(samples, count);
    }

    public void finish() {
        vad.finish();
    }
}
