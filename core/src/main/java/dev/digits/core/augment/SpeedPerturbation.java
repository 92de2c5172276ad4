package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;

import java.util.random.RandomGenerator;

/**
 * Plays the clip faster or slower by a factor drawn from a range, by band-limited resampling (a Hann-windowed
 * sinc, 16 zero crossings each side): tempo, pitch and formants all move together, as between a shorter and a
 * longer vocal tract (the "speed perturbation" of Kaldi recipes). A factor of 1.1 gives a clip 1/1.1 as long.
 */
public final class SpeedPerturbation implements AudioAugmentation {
    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS = 256;

    private final Parameters parameters;
    private final double[] factor;

    SpeedPerturbation(Parameters parameters) {
        this.parameters = parameters;
        this.factor = parameters.getRange("factor");
    }

    @Override
    public String name() {
        return SpeedPerturbationProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        double f = factor[0] + (factor[1] - factor[0]) * random.nextDouble();
        return clip.withSamples(resample(clip.samples(), f), clip.sampleRate());
    }

    /** The signal read {@code speed} times faster: output sample {@code j} is the input at time {@code j * speed}. */
    static float[] resample(float[] x, double speed) {
        int n = (int) Math.round(x.length / speed);
        float[] out = new float[n];
        double cutoff = Math.min(1.0, 1.0 / speed); // of the input's Nyquist frequency: no aliasing when speeding up
        double half = ZERO_CROSSINGS / cutoff;
        // the kernel, tabulated every 1/TABLE_STEPS of an input sample and linearly interpolated
        int size = (int) Math.ceil(half * TABLE_STEPS) + 2;
        double[] table = new double[size];
        for (int i = 0; i < size; i++) {
            double d = i / (double) TABLE_STEPS;
            double arg = Math.PI * cutoff * d;
            double sinc = arg == 0 ? 1 : Math.sin(arg) / arg;
            table[i] = d >= half ? 0 : cutoff * sinc * (0.5 + 0.5 * Math.cos(Math.PI * d / half));
        }
        for (int j = 0; j < n; j++) {
            double t = j * speed;
            int lo = Math.max(0, (int) Math.ceil(t - half));
            int hi = Math.min(x.length - 1, (int) Math.floor(t + half));
            double sum = 0;
            for (int k = lo; k <= hi; k++) {
                double pos = Math.abs(t - k) * TABLE_STEPS;
                int i = (int) pos;
                double frac = pos - i;
                sum += x[k] * (table[i] + frac * (table[i + 1] - table[i]));
            }
            out[j] = (float) sum;
        }
        return out;
    }
}
