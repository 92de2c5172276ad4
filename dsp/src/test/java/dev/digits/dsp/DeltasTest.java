package dev.digits.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeltasTest {

    /** Two rows, 12 frames: x[r][t] = sin(0.7 t + r) + 0.05 r t^2. */
    private static double[] input() {
        double[] x = new double[24];
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 12; t++) {
                x[r * 12 + t] = Math.sin(0.7 * t + r) + 0.05 * r * t * t;
            }
        }
        return x;
    }

    /*
     * Reference values from scipy 1.17.1, which librosa.feature.delta calls:
     *   savgol_filter(x, 9, polyorder=order, deriv=order, axis=-1, mode='interp')
     */
    private static final double[][] SCIPY_ORDER1 = {
            {-0.205552017504, -0.205552017504, -0.205552017504, -0.205552017504, -0.205552017504, -0.204294202195,
                    -0.106953631409, 0.040688903425, 0.040688903425, 0.040688903425, 0.040688903425, 0.040688903425},
            {0.227445177272, 0.227445177272, 0.227445177272, 0.227445177272, 0.227445177272, 0.454013506171,
                    0.702210001677, 0.902335536319, 0.902335536319, 0.902335536319, 0.902335536319, 0.902335536319}};
    private static final double[][] SCIPY_ORDER2 = {
            {-0.078712357931, -0.078712357931, -0.078712357931, -0.078712357931, -0.078712357931, 0.082423736366,
                    0.204794659543, 0.230847454333, 0.230847454333, 0.230847454333, 0.230847454333, 0.230847454333},
            {0.243768599852, 0.243768599852, 0.243768599852, 0.243768599852, 0.243768599852, 0.329690812867,
                    0.307585847573, 0.187850014547, 0.187850014547, 0.187850014547, 0.187850014547, 0.187850014547}};

    @Test
    void matchesScipySavitzkyGolayInterpModeForDeltasAndDeltaDeltas() {
        double[] d1 = Deltas.compute(input(), 2, 12, 9, 1);
        double[] d2 = Deltas.compute(input(), 2, 12, 9, 2);
        for (int r = 0; r < 2; r++) {
            for (int t = 0; t < 12; t++) {
                assertEquals(SCIPY_ORDER1[r][t], d1[r * 12 + t], 1e-9, "delta row " + r + " frame " + t);
                assertEquals(SCIPY_ORDER2[r][t], d2[r * 12 + t], 1e-9, "delta-delta row " + r + " frame " + t);
            }
        }
    }

    @Test
    void slopeOfALineAndCurvatureOfAParabolaEverywhereIncludingTheEdges() {
        int n = 20;
        double[] line = new double[n];
        double[] parabola = new double[n];
        for (int t = 0; t < n; t++) {
            line[t] = 3 - 0.5 * t;
            parabola[t] = 0.25 * t * t - t + 2;
        }
        double[] slope = Deltas.compute(line, 1, n, 9, 1);
        double[] curvature = Deltas.compute(parabola, 1, n, 9, 2);
        for (int t = 0; t < n; t++) {
            assertEquals(-0.5, slope[t], 1e-9, "frame " + t);
            assertEquals(0.5, curvature[t], 1e-9, "frame " + t);
        }
    }

    @Test
    void shortClipsUseTheWidestWindowThatFitsAndTooShortGivesZeros() {
        double[] line = {1, 2, 3, 4, 5, 6}; // 6 frames < width 9: window 5
        double[] slope = Deltas.compute(line, 1, 6, 9, 1);
        for (double s : slope) {
            assertEquals(1.0, s, 1e-9);
        }
        assertArrayEquals(new double[2], Deltas.compute(new double[] {1, 5}, 1, 2, 9, 2), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Deltas.compute(line, 1, 6, 4, 1));
    }
}
