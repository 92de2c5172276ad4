package dev.digits.experiment.metrics;

import dev.digits.core.labels.OpenSetRule;
import dev.digits.experiment.results.OpenSetScores;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open-set figures counted by hand on six clips. */
class OpenSetMetricsTest {
    /** Probability {@code p} on class {@code c}, the rest spread evenly over the other ten. */
    private static float[] p(int c, float p) {
        float[] x = new float[11];
        java.util.Arrays.fill(x, (1 - p) / 10);
        x[c] = p;
        return x;
    }

    @Test
    void digitsRecognisedRejectedAndOtherSpeechAcceptedByClassGroupAndThreshold() {
        float[][] probs = {p(1, 0.9f), p(2, 0.6f), p(10, 0.7f), p(4, 0.3f), p(10, 0.8f), p(5, 0.6f)};
        int[] truth = {1, 3, 4, 4, 10, 10};
        String[] groups = {"fsdd", "fsdd", "sc", "sc", "sc", "sc"};
        OpenSetScores s = OpenSetMetrics.of(probs, truth, groups, new OpenSetRule(0.5));
        assertEquals(4, s.digits());
        assertEquals(2, s.others());
        // most likely digit right, ? aside: clip 0 (1) and clip 3 (4); clip 2's best digit is 0 (ties: the first)
        assertEquals(0.5, s.digitAccuracy(), 1e-12);
        assertEquals(0.25, s.digitsRecognised(), 1e-12, "only clip 0");
        assertEquals(0.5, s.digitsRejected(), 1e-12, "clip 2 (other class) and clip 3 (0.3 < 0.5)");
        assertEquals(0.5, s.othersAccepted(), 1e-12, "clip 5 answered 5");
        OpenSetScores.Share four = s.perClass().stream().filter(c -> c.name().equals("4")).findFirst().orElseThrow();
        assertEquals(2, four.digits());
        assertEquals(1.0, four.digitsRejected(), 1e-12);
        OpenSetScores.Share other = s.perClass().stream().filter(c -> c.name().equals("?")).findFirst().orElseThrow();
        assertEquals(2, other.others());
        assertNull(other.digitsRejected());
        OpenSetScores.Share fsdd = s.perGroup().get(0);
        assertEquals("fsdd", fsdd.name());
        assertEquals(0.5, fsdd.digitsRecognised(), 1e-12);
        assertEquals(0.0, fsdd.digitsRejected(), 1e-12);
        assertNull(fsdd.othersAccepted());
        // the curve: at 0 only the other class rejects; at 0.99 every digit is rejected and no other speech accepted
        assertEquals(21, s.curve().size());
        assertEquals(0.25, s.curve().get(0).digitsRejected(), 1e-12);
        assertEquals(0.5, s.curve().get(0).othersAccepted(), 1e-12);
        assertEquals(0.99, s.curve().get(20).minConfidence(), 0.0);
        assertEquals(1.0, s.curve().get(20).digitsRejected(), 1e-12);
        assertEquals(0.0, s.curve().get(20).othersAccepted(), 1e-12);
    }

    @Test
    void figuresApplyToModelsOfOtherSpeechOrTestsWithIt() {
        assertTrue(OpenSetMetrics.applies(11, new int[] {1, 2}));
        assertTrue(OpenSetMetrics.applies(10, new int[] {1, 10}));
        assertFalse(OpenSetMetrics.applies(10, new int[] {1, 2}));
    }
}
