package dev.digits.core.audio;

/**
 * Band-limited resampling with a Hann-windowed sinc (16 zero crossings each side, tabulated and linearly
 * interpolated): changes a clip's speed, or its sample rate. Quick and good enough for augmentation and for
 * preparing recordings; the MFCC extractors use their own, closer-to-librosa resampler.
 */
public final class SincResampler {
    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS = 256;

    private SincResampler() {
    }

    /** The same sound at another sample rate (low-passed below the lower Nyquist frequency). */
    public static float[] convert(float[] x, int fromRate, int toRate) {
        return fromRate == toRate ? x.clone() : resample(x, fromRate / (double) toRate);
    }

    /** The signal read {@code speed} times faster: output sample {@code j} is the input at time {@code j * speed}. */
    public static float[] resample(float[] x, double speed) {
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
