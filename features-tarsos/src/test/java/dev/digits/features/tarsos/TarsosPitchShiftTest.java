package dev.digits.features.tarsos;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TarsosPitchShiftTest {
    private static final int SR = 8000;

    private static double frequency(float[] x, int from, int to) {
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
            }
        }
        return crossings / ((to - from) / (double) SR);
    }

    @Test
    void shiftsTheFrequencyOfAToneBySemitonesAndKeepsTheDuration() {
        float[] x = new float[SR];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / SR));
        }
        AudioClip clip = new AudioClip(x, SR, 1, "s", "tone");
        for (double st : new double[] {-2, 3}) {
            AudioClip shifted = ((AudioAugmentation) new TarsosPitchShiftProvider().create(Map.of("semitones", st)))
                    .apply(clip, new SplittableRandom(1));
            assertEquals(x.length, shifted.length());
            // away from the edges, where WSOLA starts up and the end is padded
            double f = frequency(shifted.samples(), SR / 8, SR * 3 / 4);
            assertEquals(220 * Math.pow(2, st / 12), f, 6, st + " semitones");
        }
    }

    @Test
    void shortClipsComeBackWithTheirOwnLength() {
        float[] x = new float[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(i * 0.3);
        }
        assertEquals(200, TarsosPitchShift.shift(x, SR, 1.5).length);
    }
}
