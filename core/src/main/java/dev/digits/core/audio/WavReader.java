package dev.digits.core.audio;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.AudioFileException.Problem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64 bits and G.711 mu-law and
 * A-law, plain or {@code WAVE_FORMAT_EXTENSIBLE}, any sample rate, any number of channels (averaged to mono, as
 * librosa does). A data chunk declaring 0 or 0xFFFFFFFF bytes (a recorder that streamed and never went back) is
 * read to the end of the file with a warning. Every failure is an {@link AudioFileException} naming the file and
 * the problem.
 */
public final class WavReader {


    private WavReader() {
    }

    /** Decodes a file to a mono clip with the file name as its source id. */
    public static AudioClip readClip(Path file) throws AudioFileException {
        WavFile wav = read(file);
        return new AudioClip(wav.mono(), wav.format().sampleRate(), null, null, file.toString());
    }

    public static WavFile read(Path file) throws AudioFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            long max = AudioLimits.current().maxFileBytes();
            if (size > max) {
                throw new AudioFileException(file, Problem.OUT_OF_LIMITS, String.format(java.util.Locale.ROOT,
                        "a file of %.1f MB; digits reads files of at most %.0f MB", size / 1e6, max / 1e6));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AudioFileException(file, e);
        }
        return decode(file, bytes);
    }

    /** Reads only the header (cheap): format, rate, channels and length. */
    public static WavFormat readFormat(Path file) throws AudioFileException {
        return read(file).format();
    }

    /** Decodes WAV bytes; {@code file} only names the source in errors. */
    public static WavFile decode(Path file, byte[] bytes) throws AudioFileException {
        if (bytes.length == 0) {
            throw new AudioFileException(file, Problem.EMPTY, null);
        }
        if (bytes.length < 12) {
            if (!startsWith(bytes, "RIFF") && !isPrefixOf(bytes, "RIFF")) {
                throw notWav(file, bytes);
            }
            throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "only " + bytes.length + " bytes");
        }
        if (startsWith(bytes, "RIFX") || startsWith(bytes, "RF64")) {
            throw new AudioFileException(file, Problem.UNSUPPORTED_ENCODING,
                    new String(bytes, 0, 4, StandardCharsets.US_ASCII) + " container; only little-endian RIFF is read");
        }
        if (!startsWith(bytes, "RIFF") || !new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WAVE")) {
            throw notWav(file, bytes);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        FmtChunk fmt = null;
        while (true) {
            if (pos + 8 > bytes.length) {
                if (fmt == null) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "file ends before the fmt chunk");
                }
                throw new AudioFileException(file, Problem.NO_SAMPLES, "no data chunk");
            }
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                fmt = fmtChunk(file, bytes, buf, body, size);
            } else if (id.equals("data")) {
                return data(file, bytes, buf, fmt, body, size);
            }
            long next = body + size + (size & 1);
            if (next > bytes.length) {
                if (fmt == null) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "'" + id.trim() + "' chunk runs past the end");
                }
                throw new AudioFileException(file, Problem.NO_SAMPLES, "no data chunk");
            }
            pos = (int) next;
        }
    }

    /** The fmt chunk at {@code body}, checked. */
    private static FmtChunk fmtChunk(Path file, byte[] bytes, ByteBuffer buf, int body, long size)
            throws AudioFileException {
        if (size < 16 || body + 16 > bytes.length) {
            throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "fmt chunk of " + size + " bytes, "
                    + Math.max(0, bytes.length - body) + " present; needs at least 16");
        }
        if (Short.toUnsignedInt(buf.getShort(body)) == FmtChunk.EXTENSIBLE && (size < 40 || body + 26 > bytes.length)) {
            throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
        }
        FmtChunk fmt = FmtChunk.parse(buf, body, size);
        String impossible = fmt.impossible().orElse(null);
        if (impossible != null) {
            throw new AudioFileException(file, Problem.IMPOSSIBLE_FORMAT, impossible);
        }
        return fmt;
    }

    /** The samples of the data chunk at {@code body}, read with the format of {@code fmt}. */
    private static WavFile data(Path file, byte[] bytes, ByteBuffer buf, FmtChunk fmt, int body, long size)
            throws AudioFileException {
        if (fmt == null) {
            throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "data chunk before the fmt chunk");
        }
        long available = bytes.length - (long) body;
        String warning = null;
        if (size == 0 || size == 0xFFFFFFFFL) {
            warning = String.format(java.util.Locale.ROOT, "the data chunk declares %s bytes (a recorder "
                    + "that never wrote the size); read the %d bytes to the end of the file",
                    size == 0 ? "0" : "0xFFFFFFFF", available);
            size = available;
        } else if (size > available) {
            throw new AudioFileException(file, Problem.DATA_TOO_LONG, "data chunk declares " + size
                    + " bytes but only " + available + " follow");
        }
        FmtChunk f = fmt;
        WavFormat.Encoding encoding = fmt.encoding().orElseThrow(
                () -> new AudioFileException(file, Problem.UNSUPPORTED_ENCODING, f.unsupported()));
        int frameBytes = fmt.channels() * (fmt.bits() / 8);
        long frames = size / frameBytes;
        if (frames == 0) {
            throw new AudioFileException(file, Problem.NO_SAMPLES, "data chunk of " + size + " bytes");
        }
        String outside = AudioLimits.current().problem(fmt.sampleRate(), frames).orElse(null);
        if (outside != null) { // before the samples are decoded
            throw new AudioFileException(file, Problem.OUT_OF_LIMITS, outside);
        }
        WavFormat format = new WavFormat(encoding, fmt.sampleRate(), fmt.channels(), fmt.bits(), frames);
        float[] samples = decodeSamples(buf, body, format);
        checkFinite(file, samples, format.sampleRate());
        return new WavFile(format, samples, warning);
    }

    private static float[] decodeSamples(ByteBuffer buf, int offset, WavFormat format) {
        int channels = format.channels();
        int frames = Math.toIntExact(format.frames());
        int bytesPerSample = format.bitsPerSample() / 8;
        float[] mono = new float[frames];
        float scale = 1f / channels;
        int p = offset;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += SampleCodec.decode(buf, p, format.encoding(), bytesPerSample);
                p += bytesPerSample;
            }
            mono[f] = channels == 1 ? (float) sum : (float) (sum * scale);
        }
        return mono;
    }

    /** Float WAVs can hold NaN or infinity, which would poison every feature and model downstream. */
    private static void checkFinite(Path file, float[] samples, int sampleRate) throws AudioFileException {
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                long bad = java.util.stream.IntStream.range(i, samples.length).filter(j -> !Float.isFinite(samples[j])).count();
                throw new AudioFileException(file, Problem.NON_FINITE, String.format(java.util.Locale.ROOT,
                        "%d NaN or infinite, the first at sample %d (%.3f s)", bad, i, i / (double) sampleRate));
            }
        }
    }

    private static AudioFileException notWav(Path file, byte[] bytes) {
        int n = Math.min(bytes.length, 16);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 9 || (b > 13 && b < 32) || b > 126) {
                text = false;
                break;
            }
        }
        String detail = text
                ? "it starts with text '" + new String(bytes, 0, n, StandardCharsets.US_ASCII).replaceAll("\\s+", " ").trim() + "'"
                : "no RIFF/WAVE header";
        return new AudioFileException(file, Problem.NOT_WAV, detail);
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (bytes[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrefixOf(byte[] bytes, String magic) {
        for (int i = 0; i < Math.min(bytes.length, magic.length()); i++) {
            if (bytes[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
