package dev.digits.features.mfcc;

/**
 * Resamples a whole clip between any two integer rates, as librosa's default {@code soxr_hq} does: a
 * linear-phase low-pass at the lower rate's Nyquist frequency ({@link KaiserLowpass}), applied in the
 * frequency domain. The clip is zero-padded, transformed once, shaped by the filter's response, and
 * transformed back at the new length: exact band-limited interpolation, two FFTs per clip. The output has
 * {@code ceil(n * to / from)} samples, as {@code librosa.resample} returns; as with soxr, only the first
 * {@code round(n * to / from)} carry signal and the rest is librosa's zero padding.
 */
public final class BandLimitedResampler {
    private final int from;
    private final int to;
    private final int up;
    private final int down;

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
        if (from == to) {
            return x.clone();
        }
        int n = x.length;
        int outLength = outputLength(n, from, to);
        // zero padding so the filter's tails do not wrap around: its half-length in input samples, twice
        int pad = 2 * KaiserLowpass.HALF_TAPS * Math.max(1, (int) Math.ceil(from / (double) to)) + 16;
        // L = down * k and M = up * k, with k a power of two or three times one: even, cheap to factor, and one
        // of few sizes, so FFT plans are shared between clips of nearby lengths
        int k = (n + pad + down - 1) / down;
        k = FftPlans.coarseSize(k);
        int bigL = down * k;
        int bigM = up * k;
        double[] spectrum = new double[Math.max(bigL, bigM)];
        for (int i = 0; i < n; i++) {
            spectrum[i] = x[i];
        }
        FftPlans.of(bigL).realForward(spectrum);
        // bins of the shorter transform survive; index j is frequency j / L cycles per input sample
        int keep = Math.min(bigL, bigM) / 2;
        double lowerRate = Math.min(from, to);
        double scale = bigM / (double) bigL;
        double[] out = new double[bigM];
        out[0] = spectrum[0] * KaiserLowpass.response(0) * scale;
        for (int j = 1; j < keep; j++) {
            double hz = j * (double) from / bigL;
            double h = KaiserLowpass.response(hz / lowerRate) * scale;
            out[2 * j] = spectrum[2 * j] * h;
            out[2 * j + 1] = spectrum[2 * j + 1] * h;
        }
        FftPlans.of(bigM).realInverse(out, true);
        float[] y = new float[outLength];
        int signalLength = Math.min(outLength, (int) Math.round(n * (double) to / from));
        for (int i = 0; i < signalLength; i++) {
            y[i] = (float) out[i];
        }
        return y;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
