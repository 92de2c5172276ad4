package dev.digits.features.tarsos;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarsosMfccTest {
    private final TarsosMfccProvider provider = new TarsosMfccProvider();

    private static AudioClip fsdd(String name) throws Exception {
        return WavReader.readClip(DatasetLocator.defaults().locate("fsdd").resolve("recordings").resolve(name));
    }

    @Test
    void oneColumnPerTarsosBufferOnARealRecording() throws Exception {
        AudioClip clip = fsdd("0_jackson_0.wav"); // 5148 samples at 8 kHz
        Features f = provider.create(Map.of()).extract(clip);
        // TarsosDSP zero-pads the last buffer: ceil, not floor
        int expectedFrames = (int) Math.ceil((5148 - 2048) / 512.0) + 1;
        assertArrayEquals(new int[] {40, expectedFrames}, f.shape());
        for (float v : f.values()) {
            assertTrue(Float.isFinite(v), "finite coefficients");
        }
        Features mean = provider.create(Map.of("pooling", "mean")).extract(clip);
        assertArrayEquals(new int[] {40}, mean.shape());
        double sum = 0;
        for (int c = 0; c < expectedFrames; c++) {
            sum += f.get(0, c);
        }
        assertEquals(sum / expectedFrames, mean.values()[0], 1e-3);
    }

    @Test
    void firstCoefficientFollowsLoudness() throws Exception {
        AudioClip clip = fsdd("3_theo_10.wav");
        float[] quiet = clip.samples().clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.1f;
        }
        float loud = provider.create(Map.of("pooling", "mean")).extract(clip).values()[0];
        float soft = provider.create(Map.of("pooling", "mean")).extract(clip.withSamples(quiet, clip.sampleRate())).values()[0];
        assertTrue(loud > soft, "c0 " + loud + " (original) > " + soft + " (20 dB quieter)");
    }

    @Test
    void fixedFramesAndValidation() throws Exception {
        Features f = provider.create(Map.of("frames", 12)).extract(fsdd("0_jackson_0.wav"));
        assertArrayEquals(new int[] {40, 12}, f.shape());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> provider.create(Map.of("n_mfcc", 200)))
                .getMessage().contains("n_mfcc (200) must not exceed n_mels (128)"));
        Features shortClip = provider.create(Map.of()).extract(AudioClip.of(new float[100], 8000));
        assertEquals(1, shortClip.cols(), "a clip shorter than one buffer still gives one frame");
    }
}
