package dev.digits.serve;

import dev.digits.recognition.ClipRecognizer;
import dev.digits.recognition.StreamingSession;
import dev.digits.recognition.DigitRecognizer;
import dev.digits.recognition.Utterance;
import dev.digits.recognition.stream.UtteranceFraming;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * One WebSocket stream: 16-bit little-endian mono PCM arrives in chunks of any size (an odd byte waits for its
 * pair), goes through the same segmenter and recogniser as {@code digits stream}, and each digit is handed to the
 * sink as soon as its utterance ends.
 */
final class StreamSession {
    private final StreamingSession recognizer;
    private final long maxSamples;
    private long samples;
    private int carry = -1;
    private float[] buffer = new float[4096];
    private boolean finished;

    StreamSession(ClipRecognizer clips, int sampleRate, int maxSeconds, Consumer<Utterance> sink) {
        this.recognizer = new StreamingSession(clips, sampleRate, UtteranceFraming.defaultsFor(clips.bundle()),
                clips.bundle().minConfidence().orElse(DigitRecognizer.STREAM_MIN_CONFIDENCE), sink);
        this.maxSamples = (long) maxSeconds * sampleRate;
    }

    /**
     * Feeds one message's bytes.
     *
     * @throws ApiException 413 once the stream is longer than the server allows
     */
    synchronized void accept(ByteBuffer data) {
        if (finished) {
            return;
        }
        ByteBuffer bytes = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = (bytes.remaining() + (carry >= 0 ? 1 : 0)) / 2;
        if (buffer.length < n) {
            buffer = new float[n];
        }
        int count = 0;
        if (carry >= 0 && bytes.hasRemaining()) {
            int hi = bytes.get();
            buffer[count++] = (short) ((hi << 8) | carry) / 32768f;
            carry = -1;
        }
        while (bytes.remaining() >= 2) {
            buffer[count++] = bytes.getShort() / 32768f;
        }
        if (bytes.hasRemaining()) {
            carry = bytes.get() & 0xff;
        }
        samples += count;
        if (samples > maxSamples) {
            throw new ApiException(413, "the stream is longer than the " + maxSamples + " samples this server takes");
        }
        recognizer.feed(buffer, count);
    }

    /** The end of the stream: the last utterance, if one is open, is recognised. Once only. */
    synchronized void finish() {
        if (!finished) {
            finished = true;
            recognizer.close();
        }
    }
}
