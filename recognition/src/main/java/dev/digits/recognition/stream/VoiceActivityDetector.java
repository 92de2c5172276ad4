package dev.digits.recognition.stream;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits continuous audio into utterances: a {@link FrameDecider} says which frames are speech (by energy, or a
 * trained detector), and a hangover (an utterance ends after this much non-speech), a minimum length (shorter
 * bursts are dropped) and a maximum length (longer speech is cut) make utterances of them. Feed it samples in
 * chunks of any size; the result does not depend on the chunking.
 */
public final class VoiceActivityDetector {

    /** Settings, in milliseconds and decibels. */
    public record Settings(double thresholdDb, double absoluteFloorDb, int hangoverMs, int minMs, int maxMs,
                           int prerollMs, int postrollMs) {
        public static Settings defaults() {
            return new Settings(6, -50, 250, 60, 1500, 80, 60);
        }
    }

    /** One utterance: its sample range in the stream and its samples (with pre- and post-roll). */
    public record Utterance(long start, long end, float[] samples, long decidedAtNanos) {
    }

    private final int sampleRate;
    private final Settings settings;
    private final Consumer<Utterance> sink;
    private final FrameDecider frames;
    private final int frame;
    private final float[] pending;
    private int pendingCount;
    private long position;          // samples consumed into frames so far
    private float[] buffer = new float[1 << 16];
    private long bufferStart;       // stream index of buffer[0]
    private int bufferCount;
    private boolean inSpeech;
    private long speechStart;
    private long lastSpeechEnd;

    /** The energy detector of {@code settings}. */
    public VoiceActivityDetector(int sampleRate, Settings settings, Consumer<Utterance> sink) {
        this(sampleRate, settings, EnergyFrames.of(sampleRate, settings), sink);
    }

    public VoiceActivityDetector(int sampleRate, Settings settings, FrameDecider frames, Consumer<Utterance> sink) {
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.sink = sink;
        this.frames = frames;
        this.frame = frames.frameSamples();
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
        boolean speech = frames.isSpeech(pending, inSpeech);
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
