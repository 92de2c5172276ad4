package dev.digits.core.audio;

import java.nio.ByteBuffer;

/**
 * Turns one stored WAV sample into a value in [-1, 1]: integer PCM of 8 (unsigned), 16, 24 or 32 bits, IEEE float
 * of 32 or 64 bits, and the telephone codecs G.711 mu-law and A-law (8 bits, ITU-T G.711 expansion to 16-bit
 * linear). Shared by the file reader and the stream reader.
 */
public final class SampleCodec {
    private static final float[] MU_LAW = new float[256];
    private static final float[] A_LAW = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            MU_LAW[i] = muLawToLinear(i) / 32768f;
            A_LAW[i] = aLawToLinear(i) / 32768f;
        }
    }

    private SampleCodec() {
    }

    /**
     * The sample at byte {@code p} of a little-endian buffer.
     *
     * @param bytes bytes per sample of one channel
     */
    public static double decode(ByteBuffer buf, int p, WavFormat.Encoding encoding, int bytes) {
        return switch (encoding) {
            case IEEE_FLOAT -> bytes == 4 ? buf.getFloat(p) : buf.getDouble(p);
            case MU_LAW -> MU_LAW[buf.get(p) & 0xFF];
            case A_LAW -> A_LAW[buf.get(p) & 0xFF];
            case PCM_INT -> switch (bytes) {
                case 1 -> ((buf.get(p) & 0xFF) - 128) / 128.0;
                case 2 -> buf.getShort(p) / 32768.0;
                case 3 -> ((buf.get(p) & 0xFF) | ((buf.get(p + 1) & 0xFF) << 8) | (buf.get(p + 2) << 16)) / 8388608.0;
                default -> buf.getInt(p) / 2147483648.0;
            };
        };
    }

    /** 16-bit linear to a G.711 mu-law byte (ITU-T G.711 compression, as in the reference implementation). */
    public static int linearToMuLaw(int pcm) {
        int sign = pcm < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(pcm), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return ~(sign | (exponent << 4) | mantissa) & 0xFF;
    }

    /** 16-bit linear to a G.711 A-law byte. */
    public static int linearToALaw(int pcm) {
        int value = pcm >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return 0x7F ^ mask;
        }
        int code = segment << 4 | (segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F);
        return (code ^ mask) & 0xFF;
    }

    /** G.711 mu-law byte to 16-bit linear (-32124 .. 32124). */
    static int muLawToLinear(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << exponent;
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    /** G.711 A-law byte to 16-bit linear (-32256 .. 32256). */
    static int aLawToLinear(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
