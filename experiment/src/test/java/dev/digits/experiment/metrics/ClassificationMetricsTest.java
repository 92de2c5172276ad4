package dev.digits.experiment.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accuracy, per-class and macro scores and the confusion matrix, worked out by hand. */
class ClassificationMetricsTest {

    @Test
    void scoresOfASmallThreeClassExample() {
        // truth 0 0 1 1 2 2, predicted 0 1 1 1 2 0
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);
        assertEquals(4 / 6.0, m.accuracy(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 2, 0}, m.confusion()[1]);
        assertArrayEquals(new int[] {1, 0, 1}, m.confusion()[2]);
        // class 0: 1 of 2 predictions right, 1 of 2 found; class 1: 2 of 3, 2 of 2; class 2: 1 of 1, 1 of 2
        assertEquals(0.5, m.perClass().get(0).precision(), 1e-12);
        assertEquals(0.5, m.perClass().get(0).recall(), 1e-12);
        assertEquals(2 / 3.0, m.perClass().get(1).precision(), 1e-12);
        assertEquals(1.0, m.perClass().get(1).recall(), 1e-12);
        assertEquals(0.8, m.perClass().get(1).f1(), 1e-12);
        assertEquals(2 / 3.0, m.perClass().get(2).f1(), 1e-12);
        assertEquals(2, m.perClass().get(2).support());
        assertEquals((0.5 + 2 / 3.0 + 1) / 3, m.macroPrecision(), 1e-12);
        assertEquals((0.5 + 1 + 0.5) / 3, m.macroRecall(), 1e-12);
        assertEquals((0.5 + 0.8 + 2 / 3.0) / 3, m.macroF1(), 1e-12);
    }

    @Test
    void aClassNeverPredictedOrAbsentScoresZeroAndCountsInTheMacroAverage() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 0}, 3);
        assertEquals(0.5, m.accuracy(), 1e-12);
        assertEquals(0.0, m.perClass().get(1).precision());
        assertEquals(0.0, m.perClass().get(1).f1());
        assertEquals(0, m.perClass().get(2).support());
        assertEquals((0.5 + 0 + 0) / 3, m.macroPrecision(), 1e-12);
        assertEquals(0.0, ClassificationMetrics.of(new int[0], new int[0], 10).accuracy());
    }
}
