package dev.digits.app.stream;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits continuous audio into utterances by frame energy (20 ms frames) against an adaptive noise floor, with
 * a hangover (an utterance ends after this much non-speech), a minimum length (shorter bursts are dropped) and
 * a maximum length (longer speech is cut). Feed it samples in chunks of any size; the result does not depend
 * on the chunking.
 */
public final class VoiceActivityDetector {

    /** Settings, in milliseconds and decibels. */
    public record Settings(double thresholdDb, double absoluteFloorDb, int hangoverMs, int minMs, int maxMs,
                           int prerollMs, int postrollMs) {
        public static Settings defaults() {
            return new Settings(12, -50, 250, 120, 1500, 80, 60);
        }
    }

    /** One utterance: its sample range in the stream and its samples (with pre- and post-roll). */
    public record Utterance(long start, long end, float[] samples, long decidedAtNanos) {
    }

    private final int sampleRate;
    private final Settings settings;
    private final Consumer<Utterance> sink;
    private final int frame;
    private final float[] pending;
    private int pendingCount;
    private long position;          // samples consumed into frames so far
    private float[] buffer = new float[1 << 16];
    private long bufferStart;       // stream index of buffer[0]
    private int bufferCount;
    private double noiseDb = Double.NaN;
    private boolean inSpeech;
    private long speechStart;
    private long lastSpeechEnd;

    public VoiceActivityDetector(int sampleRate, Settings settings, Consumer<Utterance> sink) {
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.sink = sink;
        this.frame = Math.max(1, sampleRate / 50);
        this.pending = new float[frame];
    }

    private long ms(int millis) {
        return (long) millis * sampleRate / 1000;
    }

    public void accept(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            pending[pendingCount++] = samples[i];
            if (pendingCount == frame) {
                processFrame();
                pendingCount = 0;
            }
        }
    }

    /** Ends the stream: an utterance in progress is finished. */
    public void finish() {
        if (pendingCount > 0) {
            Arrays.fill(pending, pendingCount, frame, 0f);
            processFrame();
            pendingCount = 0;
        }
        if (inSpeech) {
            emit();
        }
    }

    private void processFrame() {
        append(pending, frame);
        double energy = 0;
        for (float v : pending) {
            energy += v * v;
        }
        double db = 10 * Math.log10(energy / frame + 1e-12);
        if (Double.isNaN(noiseDb)) {
            noiseDb = db;
        }
        boolean speech = db > Math.max(noiseDb + settings.thresholdDb(), settings.absoluteFloorDb());
        if (!speech || !inSpeech) {
            // the floor follows quiet frames down at once and creeps up slowly (1 dB/s), so speech cannot raise it much
            noiseDb = db < noiseDb ? db : Math.min(db, noiseDb + 0.02);
        }
        long frameStart = position;
        long frameEnd = position + frame;
        position = frameEnd;
        if (speech) {
            if (!inSpeech) {
                inSpeech = true;
                speechStart = frameStart;
            }
            lastSpeechEnd = frameEnd;
            if (lastSpeechEnd - speechStart >= ms(settings.maxMs())) {
                emit();
            }
        } else if (inSpeech && frameEnd - lastSpeechEnd >= ms(settings.hangoverMs())) {
            emit();
        }
        if (!inSpeech) {
            trimTo(position - ms(settings.prerollMs()));
        }
    }

    private void emit() {
        inSpeech = false;
        if (lastSpeechEnd - speechStart < ms(settings.minMs())) {
            return;
        }
        long start = Math.max(bufferStart, speechStart - ms(settings.prerollMs()));
        long end = Math.min(bufferStart + bufferCount, lastSpeechEnd + ms(settings.postrollMs()));
        float[] samples = Arrays.copyOfRange(buffer, (int) (start - bufferStart), (int) (end - bufferStart));
        sink.accept(new Utterance(speechStart, lastSpeechEnd, samples, System.nanoTime()));
    }

    private void append(float[] samples, int n) {
        if (bufferCount + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, bufferCount + n));
        }
        System.arraycopy(samples, 0, buffer, bufferCount, n);
        bufferCount += n;
    }

    private void trimTo(long keepFrom) {
        long drop = keepFrom - bufferStart;
        if (drop <= 0) {
            return;
        }
        int d = (int) Math.min(drop, bufferCount);
        System.arraycopy(buffer, d, buffer, 0, bufferCount - d);
        bufferCount -= d;
        bufferStart += d;
    }
}
