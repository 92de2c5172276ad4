package dev.digits.features.mfcc;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastLog10Test {

    @Test
    void agreesWithMathLog10AcrossTheRange() {
        SplittableRandom random = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = Math.pow(10, random.nextDouble(-300, 300));
            worst = Math.max(worst, Math.abs(FastLog10.log10(x) - Math.log10(x)) / Math.max(1, Math.abs(Math.log10(x))));
        }
        // table edges and exact powers: mantissa bits at a boundary, r = 0
        for (int e = -1000; e <= 1000; e++) {
            for (int i = 0; i < 256; i++) {
                double x = Math.scalb(1 + i / 256.0, e);
                double y = Math.nextDown(x);
                worst = Math.max(worst, Math.abs(FastLog10.log10(x) - Math.log10(x)) / Math.max(1, Math.abs(Math.log10(x))));
                worst = Math.max(worst, Math.abs(FastLog10.log10(y) - Math.log10(y)) / Math.max(1, Math.abs(Math.log10(y))));
            }
        }
        assertTrue(worst < 1e-15, "worst relative difference " + worst);
        assertEquals(0.0, FastLog10.log10(1.0));
        assertEquals(-10.0, FastLog10.log10(1e-10), 1e-14);
    }

    @Test
    void specialValuesAreMathLog10s() {
        for (double x : new double[] {0.0, -0.0, -1.0, Double.MIN_VALUE, 1e-310, Double.POSITIVE_INFINITY,
                Double.NaN}) {
            assertEquals(Math.log10(x), FastLog10.log10(x), String.valueOf(x));
        }
    }
}
