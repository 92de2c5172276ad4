package dev.digits.core.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono or interleaved multi-channel samples as a WAV file (integer PCM, 32-bit float, or 8-bit G.711 mu-law or A-law). */
public final class WavWriter {
    private WavWriter() {
    }

    /** Writes 16-bit PCM mono. */
    public static void write16(Path file, float[] samples, int sampleRate) throws IOException {
        write(file, samples, sampleRate, 1, WavFormat.Encoding.PCM_INT, 16);
    }

    /**
     * Writes interleaved samples in [-1, 1] (clipped for integer PCM).
     *
     * @param bits 8, 16, 24 or 32 for PCM; 32 for float; 8 for mu-law and A-law
     */
    public static void write(Path file, float[] interleaved, int sampleRate, int channels,
                             WavFormat.Encoding encoding, int bits) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encode(interleaved, sampleRate, channels, encoding, bits));
        }
    }

    public static byte[] encode(float[] interleaved, int sampleRate, int channels, WavFormat.Encoding encoding, int bits) {
        int bytesPerSample = bits / 8;
        int dataSize = interleaved.length * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataSize).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) switch (encoding) {
                    case PCM_INT -> 1;
                    case IEEE_FLOAT -> 3;
                    case A_LAW -> 6;
                    case MU_LAW -> 7;
                })
                .putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * channels * bytesPerSample)
                .putShort((short) (channels * bytesPerSample)).putShort((short) bits);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataSize);
        for (float v : interleaved) {
            if (encoding == WavFormat.Encoding.IEEE_FLOAT) {
                b.putFloat(v);
                continue;
            }
            double c = Math.max(-1.0, Math.min(1.0, v));
            if (encoding == WavFormat.Encoding.MU_LAW || encoding == WavFormat.Encoding.A_LAW) {
                int pcm = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(c * 32768)));
                b.put((byte) (encoding == WavFormat.Encoding.MU_LAW ? SampleCodec.linearToMuLaw(pcm) : SampleCodec.linearToALaw(pcm)));
                continue;
            }
            switch (bits) {
                case 8 -> b.put((byte) Math.max(0, Math.min(255, Math.round(c * 128) + 128)));
                case 16 -> b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(c * 32768))));
                case 24 -> {
                    int s = (int) Math.max(-8388608, Math.min(8388607, Math.round(c * 8388608)));
                    b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                }
                case 32 -> b.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(c * 2147483648.0))));
                default -> throw new IllegalArgumentException("unsupported PCM bits: " + bits);
            }
        }
        return b.array();
    }
}
