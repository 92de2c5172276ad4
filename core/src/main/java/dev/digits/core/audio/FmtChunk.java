package dev.digits.core.audio;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The fields of a WAV {@code fmt } chunk that decoding needs, with {@code WAVE_FORMAT_EXTENSIBLE} resolved to its
 * sub-format. Shared by the file reader and the stream reader.
 *
 * @param formatCode 1 PCM, 3 IEEE float, 6 A-law, 7 mu-law, or another code (unsupported)
 * @param channels   interleaved channels
 * @param sampleRate frames per second
 * @param bits       bits per sample of one channel
 */
public record FmtChunk(int formatCode, int channels, int sampleRate, int bits) {
    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int A_LAW = 6;
    static final int MU_LAW = 7;
    static final int EXTENSIBLE = 0xFFFE;

    /** Parses a chunk body of {@code size} bytes at {@code offset} (at least 16; 40 for the extensible form). */
    public static FmtChunk parse(ByteBuffer buf, int offset, long size) {
        int code = Short.toUnsignedInt(buf.getShort(offset));
        if (code == EXTENSIBLE && size >= 26) {
            code = Short.toUnsignedInt(buf.getShort(offset + 24)); // the sub-format GUID starts with the format code
        }
        return new FmtChunk(code, Short.toUnsignedInt(buf.getShort(offset + 2)), buf.getInt(offset + 4),
                Short.toUnsignedInt(buf.getShort(offset + 14)));
    }

    /** What makes this header impossible to play (a rate or channel count of 0), or empty. */
    public Optional<String> impossible() {
        if (sampleRate == 0) {
            return Optional.of("sample rate of 0 Hz in the fmt chunk");
        }
        if (sampleRate < 0) {
            return Optional.of("sample rate of " + Integer.toUnsignedString(sampleRate) + " Hz in the fmt chunk");
        }
        if (channels == 0) {
            return Optional.of("0 channels in the fmt chunk");
        }
        if (bits == 0) {
            return Optional.of("0 bits per sample in the fmt chunk");
        }
        return Optional.empty();
    }

    /** The encoding, or empty when it is not one this project decodes. */
    public Optional<WavFormat.Encoding> encoding() {
        if (formatCode == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
            return Optional.of(WavFormat.Encoding.PCM_INT);
        }
        if (formatCode == IEEE_FLOAT && (bits == 32 || bits == 64)) {
            return Optional.of(WavFormat.Encoding.IEEE_FLOAT);
        }
        if (formatCode == MU_LAW && bits == 8) {
            return Optional.of(WavFormat.Encoding.MU_LAW);
        }
        if (formatCode == A_LAW && bits == 8) {
            return Optional.of(WavFormat.Encoding.A_LAW);
        }
        return Optional.empty();
    }

    /** Why the encoding cannot be decoded, naming it, with what can. */
    public String unsupported() {
        String name = switch (formatCode) {
            case PCM -> bits + "-bit integer PCM";
            case IEEE_FLOAT -> bits + "-bit float";
            case 2 -> "Microsoft ADPCM";
            case A_LAW -> bits + "-bit A-law";
            case MU_LAW -> bits + "-bit mu-law";
            case 0x11 -> "IMA ADPCM";
            case 0x55 -> "MP3";
            default -> "format code " + formatCode;
        };
        return name + "; supported: integer PCM of 8, 16, 24 or 32 bits, float of 32 or 64 bits, 8-bit mu-law or A-law";
    }
}
