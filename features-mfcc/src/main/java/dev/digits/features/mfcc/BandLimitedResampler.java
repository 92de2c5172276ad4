package dev.digits.features.mfcc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Resamples a whole clip between any two integer rates, as librosa's default {@code soxr_hq} does: a
 * linear-phase low-pass at the lower rate's Nyquist frequency ({@link KaiserLowpass}), applied in the
 * frequency domain. The clip is zero-padded, transformed once, shaped by the filter's response, and
 * transformed back at the new length: exact band-limited interpolation, two FFTs per clip. The output has
 * {@code ceil(n * to / from)} samples, as {@code librosa.resample} returns; as with soxr, only the first
 * {@code round(n * to / from)} carry signal and the rest is librosa's zero padding. Where soxr's first output
 * samples are known to differ from exact interpolation, the difference is added ({@link SoxrStartTransient}).
 */
public final class BandLimitedResampler {
    private final int from;
    private final int to;
    private final int up;
    private final int down;
    private final ConcurrentHashMap<Integer, double[]> responses = new ConcurrentHashMap<>();

    public BandLimitedResampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        this.from = fromRate;
        this.to = toRate;
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
    }

    public static int outputLength(int n, int fromRate, int toRate) {
        return (int) Math.ceil(n * (double) toRate / fromRate - 1e-9);
    }

    public float[] resample(float[] x) {
        return resample(x, 1);
    }

    /**
     * Every {@code step}-th sample of {@link #resample(float[])}'s output (samples 0, step, 2 * step, ...), for
     * half the work when {@code step} is 2. Exact (up to rounding) as long as the signal's band, the lower
     * rate's Nyquist frequency, is below the new rate's {@code to / (2 * step)}; otherwise rejected.
     */
    public float[] resample(float[] x, int step) {
        checkStep(step);
        int outLength = outputLength(x.length, from, to);
        float[] y = new float[(outLength + step - 1) / step];
        if (from == to) {
            for (int i = 0; i < y.length; i++) {
                y[i] = x[i * step];
            }
            return y;
        }
        double[] circular = bandLimited(x, step);
        int signalLength = signalLength(x.length);
        double[] startOffsets = startTransient(x);
        for (int i = 0; i * step < signalLength; i++) {
            y[i] = (float) (i * step < startOffsets.length ? circular[i] + startOffsets[i * step] : circular[i]);
        }
        return y;
    }

    /**
     * As {@link #resample(float[], int)}, but before the signal is cut to the clip: {@code margin} more samples
     * on each side, so index {@code i} holds output sample {@code (i - margin) * step}. The first {@code margin}
     * values are the filter's lead-in before the clip starts, those from {@link #signalLength(int)} on its tail
     * after the clip ends; band-limited throughout, for interpolating between the samples kept (so without
     * {@link #startTransient(float[])}, which the caller adds).
     */
    public float[] resampleUncut(float[] x, int step, int margin) {
        checkStep(step);
        if (from == to || margin < 0 || margin > KaiserLowpass.HALF_TAPS / 2) {
            throw new IllegalArgumentException("an uncut signal needs a rate change and a margin of 0 to "
                    + KaiserLowpass.HALF_TAPS / 2 + ", got " + from + " -> " + to + " and " + margin);
        }
        int outLength = outputLength(x.length, from, to);
        double[] circular = bandLimited(x, step);
        float[] y = new float[(outLength + step - 1) / step + 2 * margin];
        for (int i = 0; i < margin; i++) {
            y[i] = (float) circular[circular.length - margin + i];
        }
        for (int i = margin; i < y.length; i++) {
            y[i] = (float) circular[i - margin];
        }
        return y;
    }

    /**
     * What {@link #resample(float[])} adds to its first output samples, beyond band-limited interpolation, to
     * reproduce soxr's start ({@link SoxrStartTransient}); empty when none is known for these rates.
     */
    public double[] startTransient(float[] x) {
        return x.length == 0 ? new double[0] : SoxrStartTransient.offsets(from, to, x[0]);
    }

    /** How many of the output samples carry signal ({@code round(n * to / from)}); the rest are padding. */
    public int signalLength(int n) {
        return Math.min(outputLength(n, from, to), (int) Math.round(n * (double) to / from));
    }

    private void checkStep(int step) {
        if (step < 1 || (step > 1 && Math.min(from, to) * (long) step > to)) {
            throw new IllegalArgumentException("cannot keep every " + step + "th sample of " + from + " -> " + to
                    + " Hz: the band (" + Math.min(from, to) / 2 + " Hz) must lie below " + to / 2.0 / Math.max(1, step)
                    + " Hz");
        }
    }

    /**
     * Every {@code step}-th sample of the resampled signal, in a circular buffer: the clip from index 0, then
     * zero padding that holds the filter's tail after the clip and, wrapped round to the end, its lead-in.
     */
    private double[] bandLimited(float[] x, int step) {
        int n = x.length;
        // zero padding so the filter's tails do not wrap around: its half-length in input samples, twice
        int pad = 2 * KaiserLowpass.HALF_TAPS * Math.max(1, (int) Math.ceil(from / (double) to)) + 16;
        // L = down * k and M = up * k / step, with k even and a product of 2, 3 and 5: transforms of such sizes
        // run at about the same speed per sample as powers of two (other factors of k cost up to 25 times more),
        // there are few of them, so plans are shared between clips, and M / step is whole
        int k = (n + pad + down - 1) / down;
        k = FftPlans.niceSize(k);
        if (up * (long) k % step != 0) {
            k *= step;
        }
        int bigL = down * k;
        int bigM = up * k / step;
        double[] spectrum = new double[bigL];
        for (int i = 0; i < n; i++) {
            spectrum[i] = x[i];
        }
        FftPlans.of(bigL).realForward(spectrum);
        // bins of the shorter transform survive; index j is frequency j / L cycles per input sample
        int keep = Math.min(bigL, up * k) / 2;
        double[] response = responses.computeIfAbsent(bigL, size -> response(size, keep));
        double scale = bigM / (double) bigL;
        double[] out = new double[bigM];
        out[0] = spectrum[0] * response[0] * scale;
        for (int j = 1; j < keep; j++) {
            double h = response[j] * scale;
            out[2 * j] = spectrum[2 * j] * h;
            out[2 * j + 1] = spectrum[2 * j + 1] * h;
        }
        FftPlans.of(bigM).realInverse(out, true);
        return out;
    }

    /** The low-pass's response at the first {@code keep} bins of a transform of {@code bigL} input samples. */
    private double[] response(int bigL, int keep) {
        double lowerRate = Math.min(from, to);
        double[] h = new double[keep];
        for (int j = 0; j < keep; j++) {
            h[j] = KaiserLowpass.response(j * (double) from / bigL / lowerRate);
        }
        return h;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
