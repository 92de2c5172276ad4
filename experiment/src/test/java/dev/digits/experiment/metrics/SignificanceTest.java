package dev.digits.experiment.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The significance tests against values computed independently (Python's math.erfc, exact enumeration). */
class SignificanceTest {

    @Test
    void erfcMatchesKnownValuesWithinItsStatedError() {
        assertEquals(1.0, Significance.erfc(0), 1.2e-7);
        assertEquals(0.4795001221869535, Significance.erfc(0.5), 0.4795 * 1.2e-7);
        assertEquals(0.15729920705028513, Significance.erfc(1), 0.1573 * 1.2e-7);
        assertEquals(0.004677734981047265, Significance.erfc(2), 0.00468 * 1.2e-7);
        assertEquals(1.842700792949715, Significance.erfc(-1), 1.2e-7);
    }

    @Test
    void mcnemarCountsOnlyDisagreementsWithContinuityCorrection() {
        // 10 examples only A gets right, 2 only B, 30 both, 8 neither: chi2 = (|10-2|-1)^2/12, p = 0.0433081
        boolean[] a = new boolean[50];
        boolean[] b = new boolean[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i < 10 || (i >= 12 && i < 42);
            b[i] = (i >= 10 && i < 12) || (i >= 12 && i < 42);
        }
        assertEquals(0.04330814281079198, Significance.mcnemar(a, b), 1e-8);
        assertEquals(Significance.mcnemar(a, b), Significance.mcnemar(b, a), 0);
        assertEquals(1.0, Significance.mcnemar(a, a));
    }

    @Test
    void pairedPermutationIsExactForFewPairs() {
        // three equal differences: only all-plus and all-minus of the 8 sign flips reach the observed sum
        assertEquals(0.25, Significance.pairedPermutation(new double[] {0.9, 0.8, 0.85}, new double[] {0.8, 0.7, 0.75}),
                1e-12);
        assertEquals(1.0, Significance.pairedPermutation(new double[] {0.5, 0.6}, new double[] {0.5, 0.6}));
        // +0.1 and -0.1: every flip reaches |0| and the observed |sum| is 0
        assertEquals(1.0, Significance.pairedPermutation(new double[] {0.6, 0.5}, new double[] {0.5, 0.6}), 1e-12);
    }

    @Test
    void pairedPermutationSamplesForManyPairsAndFindsAClearDifference() {
        double[] a = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            a[i] = 0.9 + 0.001 * i;
            b[i] = 0.8 + 0.001 * i;
        }
        double p = Significance.pairedPermutation(a, b);
        assertTrue(p < 0.001, "20 equal differences: exact p is 2/2^20; sampled " + p);
        assertEquals(p, Significance.pairedPermutation(a, b), "seeded: the same p every time");
    }
}
