package dev.digits.features.mfcc;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared JTransforms FFT plans by size. Plans are costly to build and safe to share; JTransforms' own
 * threading is switched off because callers parallelise over files instead.
 */
final class FftPlans {
    private static final ConcurrentHashMap<Integer, DoubleFFT_1D> PLANS = new ConcurrentHashMap<>();

    static {
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private FftPlans() {
    }

    static DoubleFFT_1D of(int n) {
        return PLANS.computeIfAbsent(n, DoubleFFT_1D::new);
    }

    /** The smallest even number at least {@code min} whose only prime factors are 2, 3 and 5. */
    static int niceSize(int min) {
        int n = Math.max(2, min);
        while (true) {
            if (n % 2 == 0) {
                int m = n;
                for (int f : new int[] {2, 3, 5}) {
                    while (m % f == 0) {
                        m /= f;
                    }
                }
                if (m == 1) {
                    return n;
                }
            }
            n++;
        }
    }
}
