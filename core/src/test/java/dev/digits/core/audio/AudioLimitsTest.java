package dev.digits.core.audio;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Audio outside the limits is refused from its header, before its samples are decoded: a rate a recorder never
 * makes (1 Hz, 100 Hz) or more audio than a recording of digits holds.
 */
class AudioLimitsTest {
    private static final Path FILE = Path.of("probe.wav");

    /** A WAV of {@code samples} zero samples whose header says {@code rate}. */
    private static byte[] wav(int rate, int samples) {
        byte[] bytes = WavWriter.encode(new float[samples], 8000, 1, WavFormat.Encoding.PCM_INT, 16);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, rate).putInt(28, rate * 2);
        return bytes;
    }

    @Test
    void aHeaderClaimingARateNoRecorderMakesIsRefusedBeforeDecoding() throws Exception {
        for (int rate : new int[] {1, 100, 3999, 400_000}) {
            AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.decode(FILE, wav(rate, 1800)));
            assertEquals(AudioFileException.Problem.OUT_OF_LIMITS, e.problem());
            assertTrue(e.getMessage().startsWith(FILE + ": outside the limits of audio input (a sample rate of " + rate
                    + " Hz; digits reads 4000 to 384000 Hz)"), e.getMessage());
        }
        assertEquals(1800, WavReader.decode(FILE, wav(4000, 1800)).format().frames());
    }

    @Test
    void moreAudioThanTheLimitIsRefusedAndThePropertyChangesTheLimit() throws Exception {
        byte[] elevenMinutes = wav(8000, 8000 * 660);
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.decode(FILE, elevenMinutes));
        assertTrue(e.getMessage().contains("660.0 s of audio; digits reads recordings of at most 600 s"), e.getMessage());
        System.setProperty("digits.audio.maxSeconds", "900");
        try {
            assertEquals(8000 * 660, WavReader.decode(FILE, elevenMinutes).format().frames());
        } finally {
            System.clearProperty("digits.audio.maxSeconds");
        }
        assertTrue(AudioLimits.current().problem(16000, 16000 * 60).isEmpty(), "a minute at 16 kHz is fine");
    }
}
