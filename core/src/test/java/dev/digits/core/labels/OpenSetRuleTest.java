package dev.digits.core.labels;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labels of a model and how its probabilities become a digit or {@code ?}. */
class OpenSetRuleTest {
    private static float[] probabilities(int best, float p, float other) {
        float[] x = new float[11];
        float rest = (1 - p - other) / 9;
        for (int c = 0; c < 10; c++) {
            x[c] = c == best ? p : rest;
        }
        x[10] = other;
        return x;
    }

    @Test
    void theOtherClassWinsOnlyWhenMoreLikelyThanEveryDigit() {
        OpenSetRule rule = OpenSetRule.CLOSED;
        assertEquals(DigitLabels.OTHER, rule.answer(probabilities(3, 0.3f, 0.4f)));
        assertTrue(rule.reason(probabilities(3, 0.3f, 0.4f)).orElseThrow().startsWith("speech that is not a digit "
                + "(probability 0.4000; the most likely digit, 3, 0.3000)"));
        assertEquals(3, rule.answer(probabilities(3, 0.4f, 0.3f)));
        assertFalse(rule.reason(probabilities(3, 0.4f, 0.3f)).isPresent());
    }

    @Test
    void aDigitBelowTheThresholdIsRejectedAndOneAtItIsNot() {
        OpenSetRule rule = new OpenSetRule(0.5);
        assertEquals(7, rule.answer(probabilities(7, 0.5f, 0.1f)));
        assertEquals(DigitLabels.OTHER, rule.answer(probabilities(7, 0.49f, 0.1f)));
        assertEquals("the model's confidence 0.4900 is below 0.5000", rule.reason(probabilities(7, 0.49f, 0.1f))
                .orElseThrow());
        // a closed-set model (ten classes) rejects by the threshold alone
        float[] closed = new float[10];
        closed[2] = 0.45f;
        for (int c = 0; c < 10; c++) {
            closed[c] = c == 2 ? 0.45f : 0.55f / 9;
        }
        assertEquals(2, OpenSetRule.CLOSED.answer(closed));
        assertEquals(DigitLabels.OTHER, rule.answer(closed));
        assertThrows(IllegalArgumentException.class, () -> new OpenSetRule(1.01));
        assertThrows(IllegalArgumentException.class, () -> new OpenSetRule(Double.NaN));
    }

    @Test
    void labelsAreTheDigitsInOrderThenOptionallyTheQuestionMark() {
        assertEquals(List.of("0", "1", "2"), DigitLabels.of(3));
        assertEquals("?", DigitLabels.of(11).get(10));
        assertTrue(DigitLabels.valid(DigitLabels.of(10)));
        assertTrue(DigitLabels.valid(DigitLabels.of(11)));
        assertTrue(DigitLabels.hasOther(DigitLabels.of(11)));
        assertFalse(DigitLabels.hasOther(DigitLabels.of(10)));
        assertFalse(DigitLabels.valid(List.of("0")));
        assertFalse(DigitLabels.valid(List.of("0", "1", "?")), "? comes after all ten digits");
        assertFalse(DigitLabels.valid(List.of("1", "0")));
        assertThrows(IllegalArgumentException.class, () -> DigitLabels.name(11));
    }
}
