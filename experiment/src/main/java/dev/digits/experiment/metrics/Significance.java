package dev.digits.experiment.metrics;

import java.util.Random;

/** Paired significance tests for comparing two models evaluated on the same data. */
public final class Significance {
    private Significance() {
    }

    /**
     * McNemar's test with continuity correction on one test set: only the examples where the two models
     * disagree on correctness count. Returns the two-sided p-value (1 when they never disagree).
     */
    public static double mcnemar(boolean[] aCorrect, boolean[] bCorrect) {
        int b = 0;
        int c = 0;
        for (int i = 0; i < aCorrect.length; i++) {
            if (aCorrect[i] && !bCorrect[i]) {
                b++;
            } else if (!aCorrect[i] && bCorrect[i]) {
                c++;
            }
        }
        if (b + c == 0) {
            return 1.0;
        }
        double chi2 = Math.pow(Math.abs(b - c) - 1.0, 2) / (b + c);
        return erfc(Math.sqrt(Math.max(0, chi2) / 2));
    }

    /**
     * A paired sign-flip permutation test on matched scores (such as accuracy per fold and seed): the
     * two-sided p-value of the mean difference. Exact for up to 16 pairs, else 20000 seeded random flips.
     */
    public static double pairedPermutation(double[] a, double[] b) {
        int n = a.length;
        double[] d = new double[n];
        double observed = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            observed += d[i];
        }
        observed = Math.abs(observed);
        int atLeast = 0;
        int total = 0;
        if (n <= 16) {
            for (int mask = 0; mask < (1 << n); mask++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += ((mask >> i) & 1) == 1 ? -d[i] : d[i];
                }
                if (Math.abs(s) >= observed - 1e-12) {
                    atLeast++;
                }
                total++;
            }
        } else {
            Random r = new Random(12345);
            for (int k = 0; k < 20000; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += r.nextBoolean() ? -d[i] : d[i];
                }
                if (Math.abs(s) >= observed - 1e-12) {
                    atLeast++;
                }
                total++;
            }
        }
        return atLeast / (double) total;
    }

    /** Complementary error function (Numerical Recipes' erfc approximation, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
