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
 * Reads RIFF/WAVE files: integer PCM of 8, 16, 24 or 32 bits and IEEE float of 32 or 64 bits, any sample
 * rate, any number of channels (averaged to mono, as librosa does). Every failure is an
 * {@link AudioFileException} naming the file and the problem.
 */
public final class WavReader {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_IEEE_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

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
        int formatCode = -1;
        int channels = 0;
        int sampleRate = 0;
        int blockAlign = 0;
        int bits = 0;
        while (true) {
            if (pos + 8 > bytes.length) {
                if (formatCode < 0) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "file ends before the fmt chunk");
                }
                throw new AudioFileException(file, Problem.NO_SAMPLES, "no data chunk");
            }
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "fmt chunk of " + size + " bytes, "
                            + Math.max(0, bytes.length - body) + " present; needs at least 16");
                }
                formatCode = Short.toUnsignedInt(buf.getShort(body));
                channels = Short.toUnsignedInt(buf.getShort(body + 2));
                sampleRate = buf.getInt(body + 4);
                blockAlign = Short.toUnsignedInt(buf.getShort(body + 12));
                bits = Short.toUnsignedInt(buf.getShort(body + 14));
                if (formatCode == FORMAT_EXTENSIBLE) {
                    if (size < 40 || body + 26 > bytes.length) {
                        throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
                    }
                    formatCode = Short.toUnsignedInt(buf.getShort(body + 24));
                }
                if (channels == 0 || sampleRate <= 0 || bits == 0) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "fmt chunk has channels=" + channels
                            + ", sample rate=" + sampleRate + ", bits=" + bits);
                }
            } else if (id.equals("data")) {
                if (formatCode < 0) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "data chunk before the fmt chunk");
                }
                long available = bytes.length - (long) body;
                if (size > available) {
                    throw new AudioFileException(file, Problem.DATA_TOO_LONG, "data chunk declares " + size
                            + " bytes but only " + available + " follow");
                }
                WavFormat.Encoding encoding = encoding(file, formatCode, bits);
                int frameBytes = channels * (bits / 8);
                if (blockAlign != frameBytes) {
                    blockAlign = frameBytes;
                }
                long frames = size / frameBytes;
                if (frames == 0) {
                    throw new AudioFileException(file, Problem.NO_SAMPLES, "data chunk of " + size + " bytes");
                }
                WavFormat format = new WavFormat(encoding, sampleRate, channels, bits, frames);
                float[] samples = decodeSamples(buf, body, format);
                checkFinite(file, samples, sampleRate);
                return new WavFile(format, samples);
            }
            long next = body + size + (size & 1);
            if (next > bytes.length && !id.equals("data")) {
                if (formatCode < 0) {
                    throw new AudioFileException(file, Problem.TRUNCATED_HEADER, "'" + id.trim() + "' chunk runs past the end");
                }
                throw new AudioFileException(file, Problem.NO_SAMPLES, "no data chunk");
            }
            pos = (int) next;
        }
    }

    private static WavFormat.Encoding encoding(Path file, int formatCode, int bits) throws AudioFileException {
        if (formatCode == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            return WavFormat.Encoding.PCM_INT;
        }
        if (formatCode == FORMAT_IEEE_FLOAT && (bits == 32 || bits == 64)) {
            return WavFormat.Encoding.IEEE_FLOAT;
        }
        String name = switch (formatCode) {
            case FORMAT_PCM -> bits + "-bit integer PCM";
            case FORMAT_IEEE_FLOAT -> bits + "-bit float";
            case 2 -> "Microsoft ADPCM";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> "format code " + formatCode;
        };
        throw new AudioFileException(file, Problem.UNSUPPORTED_ENCODING, name
                + "; supported: integer PCM of 8, 16, 24 or 32 bits, float of 32 or 64 bits");
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
                sum += sample(buf, p, format.encoding(), bytesPerSample);
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

    private static double sample(ByteBuffer buf, int p, WavFormat.Encoding encoding, int bytes) {
        if (encoding == WavFormat.Encoding.IEEE_FLOAT) {
            return bytes == 4 ? buf.getFloat(p) : buf.getDouble(p);
        }
        return switch (bytes) {
            case 1 -> ((buf.get(p) & 0xFF) - 128) / 128.0;
            case 2 -> buf.getShort(p) / 32768.0;
            case 3 -> (((buf.get(p) & 0xFF) | ((buf.get(p + 1) & 0xFF) << 8) | (buf.get(p + 2) << 16))) / 8388608.0;
            default -> buf.getInt(p) / 2147483648.0;
        };
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
