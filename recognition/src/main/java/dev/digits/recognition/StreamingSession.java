package dev.digits.recognition;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.stream.EnergyFrames;
import dev.digits.recognition.stream.FrameDecider;
import dev.digits.recognition.stream.VoiceActivityDetector;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Recognition of digit strings in continuous audio at one sample rate: feed PCM in chunks of any size; each
 * utterance the voice-activity detector finds is classified as soon as it ends and handed to the listener with its
 * time span, label and confidence ({@link Recognition#NOT_A_DIGIT} for speech the model hears as not a digit, and
 * below the confidence threshold). A burst of noise
 * or a click is dropped. One session is for one stream and one thread at a time; many sessions may share one
 * {@link ClipRecognizer}. {@link #close()} ends the stream: an utterance still open is classified then.
 */
public final class StreamingSession implements AutoCloseable {
    private final VoiceActivityDetector vad;
    private boolean closed;

    /**
     * A session on its own recognizer, warmed up first (a few synthetic clips of typical lengths are classified, so
     * that the first real utterance does not pay for code compilation and FFT plans).
     */
    public StreamingSession(ModelBundle bundle, int sampleRate, VoiceActivityDetector.Settings settings,
                            double minConfidence, Consumer<Utterance> listener) {
        this(warmedUp(new ClipRecognizer(bundle), sampleRate), sampleRate, settings, minConfidence, listener);
    }

    /** A session on a recognizer that may be shared with other streams (no warm-up), energy frames. */
    public StreamingSession(ClipRecognizer recognizer, int sampleRate, VoiceActivityDetector.Settings settings,
                            double minConfidence, Consumer<Utterance> listener) {
        this(recognizer, sampleRate, settings, EnergyFrames.of(sampleRate, settings), minConfidence, listener);
    }

    /** A session on a recognizer that may be shared with other streams (no warm-up), speech frames from {@code frames}. */
    public StreamingSession(ClipRecognizer recognizer, int sampleRate, VoiceActivityDetector.Settings settings,
                            FrameDecider frames, double minConfidence, Consumer<Utterance> listener) {
        List<String> labels = recognizer.bundle().labels();
        OpenSetRule rule = new OpenSetRule(minConfidence);
        this.vad = new VoiceActivityDetector(sampleRate, settings, frames, u -> {
            if (recognizer.presence().noSpeech(u.samples(), sampleRate).isPresent()) {
                return; // a burst of noise or a click, not a word: nothing is reported
            }
            float[] p = recognizer.probabilities(new AudioClip(u.samples(), sampleRate, null, null, "stream"));
            int best = OpenSetRule.bestDigit(p);
            String reason = rule.reason(p).orElse(null);
            listener.accept(new Utterance(u.start() / (double) sampleRate, u.end() / (double) sampleRate,
                    reason != null ? Recognition.NOT_A_DIGIT : labels.get(best), p[best],
                    System.nanoTime() - u.decidedAtNanos(), reason));
        });
    }

    /**
     * Classifies synthetic clips of typical utterance lengths at {@code sampleRate}, so that the first real
     * utterance does not pay for code compilation, FFT plans and native sessions; returns {@code recognizer}.
     */
    public static ClipRecognizer warmedUp(ClipRecognizer recognizer, int sampleRate) {
        Random random = new Random(0);
        for (int ms = 200; ms <= 1600; ms += 50) {
            float[] x = new float[(int) ((long) ms * sampleRate / 1000)];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (0.01 * random.nextGaussian());
            }
            recognizer.probabilities(new AudioClip(x, sampleRate, null, null, "warm-up"));
        }
        return recognizer;
    }

    /** Feeds the next samples of the stream (mono, in [-1, 1]). */
    public void feed(float[] samples) {
        feed(samples, samples.length);
    }

    /** Feeds the first {@code count} of {@code samples} as the next part of the stream. */
    public void feed(float[] samples, int count) {
        if (closed) {
            throw new IllegalStateException("this streaming session is closed");
        }
        vad.accept(samples, count);
    }

    /** Feeds 16-bit little-endian PCM (an even number of bytes, as a microphone or a WebSocket delivers it). */
    public void feedPcm16(byte[] pcm, int offset, int length) {
        float[] samples = new float[length / 2];
        for (int i = 0; i < samples.length; i++) {
            int lo = pcm[offset + 2 * i] & 0xff;
            int hi = pcm[offset + 2 * i + 1];
            samples[i] = (short) ((hi << 8) | lo) / 32768f;
        }
        feed(samples);
    }

    /** Ends the stream: an utterance still open is classified and reported now. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vad.finish();
        }
    }
}
