package dev.digits.features.mfcc;

/**
 * The zero-phase frequency response of a Kaiser-windowed-sinc low-pass filter, tabulated finely so it can be
 * looked up at any frequency. The defaults reproduce the response of soxr's "HQ" recipe (librosa's default
 * resampler) closely: flat (within 0.02 dB) to 92% of the Nyquist frequency, -6 dB at 96%, below -95 dB at
 * 100%. Fitted against librosa's resampled fixtures; see {@code docs/performance.md}.
 */
final class KaiserLowpass {
    /** Cutoff (-6 dB point) as a fraction of the Nyquist frequency. */
    static final double CUTOFF = 0.956;
    /** Half-length of the filter in samples of the lower of the two rates. */
    static final int HALF_TAPS = 96;
    /** Kaiser window shape. */
    static final double BETA = 12.0;

    private static final int TABLE = 1 << 15;
    private static final double[] RESPONSE = tabulate(CUTOFF / 2, HALF_TAPS, BETA);

    private KaiserLowpass() {
    }

    /**
     * The response at {@code u} cycles per sample of the lower rate, {@code 0 <= u}; zero from 0.5 (the lower
     * rate's Nyquist frequency) on.
     */
    static double response(double u) {
        if (u >= 0.5) {
            return 0;
        }
        double x = u * 2 * TABLE;
        int i = (int) x;
        double frac = x - i;
        return RESPONSE[i] + frac * (RESPONSE[i + 1] - RESPONSE[i]);
    }

    /** H(u) for u = k / (2 * TABLE), k = 0 .. TABLE, by direct evaluation of the symmetric FIR. */
    private static double[] tabulate(double fc, int half, double beta) {
        double[] h = new double[half + 1];
        for (int n = 0; n <= half; n++) {
            double sinc = n == 0 ? 1 : Math.sin(Math.PI * 2 * fc * n) / (Math.PI * 2 * fc * n);
            h[n] = 2 * fc * sinc * window(n / (double) half, beta);
        }
        double[] table = new double[TABLE + 2];
        for (int k = 0; k <= TABLE + 1; k++) {
            double w = 2 * Math.PI * Math.min(k, TABLE) / (2.0 * TABLE);
            double sum = h[0];
            // cos(w n) by recurrence: cheap and accurate enough at this length
            double c1 = Math.cos(w);
            double cPrev = 1;
            double c = c1;
            for (int n = 1; n <= half; n++) {
                sum += 2 * h[n] * c;
                double next = 2 * c1 * c - cPrev;
                cPrev = c;
                c = next;
            }
            table[k] = sum;
        }
        return table;
    }

    /** The Kaiser window at {@code r} in [-1, 1] (its centre at 0, its ends at -1 and 1). */
    static double window(double r, double beta) {
        return besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(beta);
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
