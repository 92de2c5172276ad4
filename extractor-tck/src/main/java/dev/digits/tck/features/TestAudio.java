package dev.digits.tck.features;

import dev.digits.api.audio.AudioClip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Word-like test clips made here (no files): a rising, falling tone with harmonics and noise, in silence. */
public final class TestAudio {
    private TestAudio() {
    }

    /** {@code count} different clips of 0.4 to 0.8 s at {@code rate} Hz, the same for the same seed. */
    public static List<AudioClip> clips(int count, int rate, long seed) {
        Random random = new Random(seed);
        List<AudioClip> clips = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int n = (int) (rate * (0.4 + 0.4 * random.nextDouble()));
            float[] x = new float[n];
            double f0 = 100 + 150 * random.nextDouble();
            double phase = 0;
            int start = n / 5;
            int end = n - n / 6;
            for (int i = 0; i < n; i++) {
                double noise = 0.002 * random.nextGaussian();
                if (i >= start && i < end) {
                    double t = (i - start) / (double) (end - start);
                    double envelope = Math.sin(Math.PI * t);
                    phase += 2 * Math.PI * f0 * (1 + 0.3 * Math.sin(2 * Math.PI * t)) / rate;
                    double voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
                    x[i] = (float) (0.3 * envelope * voice + noise);
                } else {
                    x[i] = (float) noise;
                }
            }
            clips.add(new AudioClip(x, rate, k % 10, "tck", "tck-" + seed + "-" + k));
        }
        return clips;
    }
}
