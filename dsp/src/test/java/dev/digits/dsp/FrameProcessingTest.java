package dev.digits.dsp;

import dev.digits.api.features.Features;

import dev.digits.api.params.Parameters;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameProcessingTest {
    private static FrameProcessing processing(Map<String, ?> raw) {
        return FrameProcessing.from(Parameters.resolve(FrameProcessing.parameters(), raw, "test"));
    }

    private static double[] matrix(int rows, int cols) {
        double[] m = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] = (r + 1) * Math.sin(0.3 * c + r) + 5 * r;
            }
        }
        return m;
    }

    @Test
    void defaultsLeaveTheMatrixAsItIs() {
        double[] m = matrix(3, 10);
        Features f = processing(Map.of()).apply(m, 3, 10, () -> new double[3]);
        assertArrayEquals(new int[] {3, 10}, f.shape());
        for (int i = 0; i < m.length; i++) {
            assertEquals((float) m[i], f.values()[i]);
        }
    }

    @Test
    void deltasStackBelowTheCoefficients() {
        double[] m = matrix(3, 12);
        Features f = processing(Map.of("deltas", 2)).apply(m, 3, 12, () -> new double[3]);
        assertArrayEquals(new int[] {9, 12}, f.shape());
        double[] d1 = Deltas.compute(m, 3, 12, 9, 1);
        double[] d2 = Deltas.compute(m, 3, 12, 9, 2);
        for (int i = 0; i < 36; i++) {
            assertEquals((float) m[i], f.values()[i]);
            assertEquals((float) d1[i], f.values()[36 + i]);
            assertEquals((float) d2[i], f.values()[72 + i]);
        }
    }

    @Test
    void meanVarianceNormalisationGivesEachRowZeroMeanAndUnitVarianceOverItsOwnFrames() {
        Features f = processing(Map.of("cmvn", "mean-var", "deltas", 1)).apply(matrix(4, 15), 4, 15, () -> new double[4]);
        for (int r = 0; r < 8; r++) {
            double sum = 0;
            double sq = 0;
            for (int c = 0; c < 15; c++) {
                sum += f.get(r, c);
                sq += f.get(r, c) * f.get(r, c);
            }
            assertEquals(0, sum / 15, 1e-5, "row " + r);
            assertEquals(1, sq / 15, 1e-4, "row " + r);
        }
    }

    @Test
    void paddingUsesTheSilenceColumnNormalisedLikeTheRest() {
        double[] m = matrix(2, 6);
        double[] silence = {-50, -60};
        Features f = processing(Map.of("cmvn", "mean", "deltas", 1, "frames", 10)).apply(m, 2, 6, () -> silence);
        assertArrayEquals(new int[] {4, 10}, f.shape());
        double mean0 = 0;
        for (int c = 0; c < 6; c++) {
            mean0 += m[c] / 6;
        }
        // two columns of padding on each side
        assertEquals(-50 - mean0, f.get(0, 0), 1e-4);
        assertEquals((float) (m[0] - mean0), f.get(0, 2), 1e-4);
        assertTrue(Math.abs(f.get(0, 9) - (-50 - mean0)) < 1e-4);
    }

    @Test
    void normalisationThatWouldMakeThePooledOutputConstantIsRejectedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> processing(Map.of("cmvn", "mean", "pooling", "mean")));
        assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> processing(Map.of("cmvn", "mean-var", "pooling", "mean-std")));
        assertThrows(IllegalArgumentException.class, () -> processing(Map.of("delta_width", 8)));
    }

    @Test
    void stretchResamplesTheTimeAxisByAreaWeightedAveraging() {
        double[] m = {0, 1, 2, 3, 4, 5}; // one row, 6 frames
        assertArrayEquals(new double[] {0.5, 2.5, 4.5}, FixedFrameCount.stretch(m, 1, 6, 3), 1e-12);
        // 6 frames to 4: spans of 1.5 frames
        assertArrayEquals(new double[] {0.5 / 1.5, 2.5 / 1.5, 5 / 1.5, 7 / 1.5}, FixedFrameCount.stretch(m, 1, 6, 4), 1e-12);
        // fewer frames than wanted: each input frame repeated over its span
        assertArrayEquals(new double[] {7, 7, 9, 9}, FixedFrameCount.stretch(new double[] {7, 9}, 1, 2, 4), 1e-12);
    }

    @Test
    void flattenGivesTheFittedMatrixAsOneVectorAndNeedsAFrameCount() {
        double[] m = matrix(3, 17);
        Features f = processing(Map.of("pooling", "flatten", "frames", 8, "frames_fit", "stretch")).apply(m, 3, 17,
                () -> new double[3]);
        assertArrayEquals(new int[] {24}, f.shape());
        double[] expected = FixedFrameCount.stretch(m, 3, 17, 8);
        for (int i = 0; i < 24; i++) {
            assertEquals((float) expected[i], f.values()[i]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> processing(Map.of("pooling", "flatten")));
        assertTrue(e.getMessage().contains("frames: N"), e.getMessage());
    }
}
