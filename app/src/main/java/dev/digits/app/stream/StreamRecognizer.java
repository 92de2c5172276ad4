package dev.digits.app.stream;

import dev.digits.api.audio.AudioClip;
import dev.digits.app.bundle.ModelBundle;

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

    public StreamRecognizer(ModelBundle bundle, int sampleRate, VoiceActivityDetector.Settings settings,
                            double minConfidence, Consumer<Recognition> sink) {
        this.vad = new VoiceActivityDetector(sampleRate, settings, u -> {
            float[] p = bundle.classify(new AudioClip(u.samples(), sampleRate, null, null, "stream"));
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            String digit = p[best] >= minConfidence ? bundle.labels().get(best) : "?";
            sink.accept(new Recognition(u.start() / (double) sampleRate, u.end() / (double) sampleRate, digit, p[best],
                    System.nanoTime() - u.decidedAtNanos()));
        });
    }

    public void accept(float[] samples, int count) {
        vad.accept(samples, count);
    }

    public void finish() {
        vad.finish();
    }
}
