package dev.digits.recognition.stream;

import dev.digits.core.audio.AudioLimits;
import dev.digits.core.audio.FmtChunk;
import dev.digits.core.audio.SampleCodec;
import dev.digits.core.audio.WavFormat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads audio from a stream as it arrives: a WAV stream (header parsed incrementally; the data length may be
 * unknown, as from a live recorder; any encoding the file reader decodes, G.711 included) or, when the stream does not start with {@code RIFF}, raw 16-bit
 * little-endian mono PCM at a given rate. Samples come out as mono floats in [-1, 1]. An empty stream, text
 * and a WAV stream shorter than its header announces are errors (messages without the source's name, which
 * the caller adds).
 */
public final class PcmStreamReader {
    private final InputStream in;
    private final int sampleRate;
    private final int channels;
    private final int bytesPerSample;
    private final WavFormat.Encoding encoding;
    private String warning;
    private final byte[] frameBytes;
    private byte[] raw = new byte[0];
    private int leftover;
    private long framesRead;
    /** Bytes of audio the WAV header announces, or -1 when unknown (raw PCM, or a live recorder's placeholder). */
    private final long announcedBytes;
    private boolean ended;

    public PcmStreamReader(InputStream input, int rawSampleRate) throws IOException {
        PushbackInputStream p = new PushbackInputStream(input, TEXT_PROBE);
        byte[] magic = p.readNBytes(4);
        p.unread(magic);
        this.in = p;
        if (magic.length == 0) {
            throw new IOException("no audio (the stream is empty)");
        }
        long dataSize = -1;
        if (magic.length == 4 && new String(magic, StandardCharsets.US_ASCII).equals("RIFF")) {
            DataInputStream d = new DataInputStream(p);
            byte[] header = new byte[12];
            d.readFully(header);
            if (!new String(header, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
                throw new IOException("RIFF stream that is not WAVE");
            }
            FmtChunk fmt = null;
            while (true) {
                byte[] chunk = new byte[8];
                try {
                    d.readFully(chunk);
                } catch (EOFException e) {
                    throw new IOException("WAV stream ends before its data chunk");
                }
                String id = new String(chunk, 0, 4, StandardCharsets.US_ASCII);
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                if (id.equals("fmt ")) {
                    if (size < 16 || size > 1024) {
                        throw new IOException("WAV stream with a fmt chunk of " + size + " bytes");
                    }
                    byte[] body = new byte[(int) size + (int) (size & 1)];
                    d.readFully(body);
                    fmt = FmtChunk.parse(ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN), 0, size);
                } else if (id.equals("data")) {
                    if (size == 0 || size == 0xFFFFFFFFL) {
                        warning = "the WAV stream's data chunk declares " + (size == 0 ? "0" : "0xFFFFFFFF")
                                + " bytes (a recorder that streams); reading to the end of the stream";
                        dataSize = -1;
                    } else {
                        dataSize = size;
                    }
                    break;
                } else {
                    d.skipNBytes(size + (size & 1));
                }
            }
            if (fmt == null) {
                throw new IOException("WAV stream with a data chunk before its fmt chunk");
            }
            String impossible = fmt.impossible().orElse(null);
            if (impossible != null) {
                throw new IOException("WAV stream with an impossible format: " + impossible);
            }
            String outside = AudioLimits.current().problem(fmt.sampleRate(), 0).orElse(null);
            if (outside != null || fmt.channels() > 64) {
                throw new IOException("WAV stream outside the limits of audio input: " + (outside != null ? outside
                        : fmt.channels() + " channels"));
            }
            FmtChunk f = fmt;
            encoding = fmt.encoding().orElseThrow(() -> new IOException("unsupported WAV stream: " + f.unsupported()));
            sampleRate = fmt.sampleRate();
            channels = fmt.channels();
            bytesPerSample = fmt.bits() / 8;
        } else {
            byte[] head = p.readNBytes(TEXT_PROBE);
            p.unread(head);
            if (looksLikeText(head)) {
                throw new IOException("this is text, not audio (expected a WAV stream or raw 16-bit PCM)");
            }
            sampleRate = rawSampleRate;
            channels = 1;
            bytesPerSample = 2;
            encoding = WavFormat.Encoding.PCM_INT;
        }
        frameBytes = new byte[channels * bytesPerSample];
        announcedBytes = dataSize;
    }

    private static final int TEXT_PROBE = 64;

    /** Printable ASCII throughout (tabs and line ends allowed): 16-bit audio practically never is. */
    private static boolean looksLikeText(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        for (byte b : head) {
            if (!(b >= 0x20 && b < 0x7F || b == '\n' || b == '\r' || b == '\t')) {
                return false;
            }
        }
        return true;
    }

    /**
     * After the end of the stream: what is wrong with how it ended (a WAV stream shorter than its header
     * announces), or empty.
     */
    public java.util.Optional<String> endProblem() {
        if (!ended || announcedBytes < 0) {
            return java.util.Optional.empty();
        }
        long got = framesRead * frameBytes.length + leftover;
        if (got >= announcedBytes - (announcedBytes % frameBytes.length)) {
            return java.util.Optional.empty();
        }
        long bytesPerSecond = (long) sampleRate * frameBytes.length;
        return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                "truncated WAV stream: it ends after %.2f s of the %.2f s its header announces",
                got / (double) bytesPerSecond, announcedBytes / (double) bytesPerSecond));
    }

    /** What was odd but readable about the stream's header (a data size never filled in), or empty. */
    public java.util.Optional<String> warning() {
        return java.util.Optional.ofNullable(warning);
    }

    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Reads up to {@code out.length} mono samples, blocking only until some are available (a live stream hands
     * over what has arrived; a partial sample frame is kept for the next call).
     *
     * @return the number read, or -1 at the end of the stream
     */
    public int read(float[] out) throws IOException {
        int frameSize = frameBytes.length;
        if (raw.length < out.length * frameSize) {
            raw = java.util.Arrays.copyOf(raw, out.length * frameSize);
        }
        int have = leftover;
        while (have < frameSize) {
            int r = in.read(raw, have, out.length * frameSize - have);
            if (r < 0) {
                ended = true;
                return -1;
            }
            have += r;
        }
        int frames = have / frameSize;
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                int p = f * frameSize + c * bytesPerSample;
                sum += SampleCodec.decode(b, p, encoding, bytesPerSample);
            }
            out[f] = (float) (sum / channels);
            if (!Float.isFinite(out[f])) {
                throw new IOException(String.format(java.util.Locale.ROOT,
                        "non-finite sample (NaN or infinity) at %.3f s; the stream stops here",
                        (framesRead + f) / (double) sampleRate));
            }
        }
        framesRead += frames;
        leftover = have - frames * frameSize;
        System.arraycopy(raw, frames * frameSize, raw, 0, leftover);
        return frames;
    }
}
