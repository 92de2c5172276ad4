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
        for (int j = 0; j < n; j++) {
            double t = j * speed;
            int lo = (int) Math.ceil(t - half);
            int hi = (int) Math.floor(t + half);
            double sum = 0;
            for (int k = Math.max(0, lo); k <= Math.min(x.length - 1, hi); k++) {
                double d = t - k;
                double arg = Math.PI * cutoff * d;
                double sinc = Math.abs(arg) < 1e-12 ? 1 : Math.sin(arg) / arg;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * d / half);
                sum += x[k] * cutoff * sinc * window;
            }
            out[j] = (float) sum;
        }
        return out;
    }
}
