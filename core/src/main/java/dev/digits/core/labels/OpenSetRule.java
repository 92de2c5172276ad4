package dev.digits.core.labels;

import java.util.Locale;
import java.util.Optional;

/**
 * How class probabilities become an answer: the most likely digit, unless the model's class of speech that is not a
 * digit ({@link DigitLabels#OTHER}) is more likely than every digit, or the most likely digit's probability is below
 * {@code minConfidence}; then the answer is {@code ?}. A model without that class rejects by the threshold alone.
 *
 * @param minConfidence the probability a digit needs to be the answer, 0 to 1 (0: any digit that beats the other
 *                      class)
 */
public record OpenSetRule(double minConfidence) {
    /**
     * The threshold of a model trained with speech that is not a digit, unless its bundle records another: the
     * probability of a fair coin, so that a digit must be more likely than everything else together.
     */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    /** Answers no digit ever rejected for confidence: the most likely class, as closed-set models have always done. */
    public static final OpenSetRule CLOSED = new OpenSetRule(0);

    public OpenSetRule {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("a confidence threshold is from 0 to 1, got " + minConfidence);
        }
    }

    /** The most likely digit's class index (the other class left aside). */
    public static int bestDigit(float[] p) {
        int digits = Math.min(p.length, DigitLabels.OTHER);
        int best = 0;
        for (int c = 1; c < digits; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The answer's class index: a digit, or {@link DigitLabels#OTHER} for {@code ?}. */
    public int answer(float[] p) {
        return reason(p).isPresent() ? DigitLabels.OTHER : bestDigit(p);
    }

    /** Why the answer is {@code ?}, or empty when it is a digit. */
    public Optional<String> reason(float[] p) {
        int digit = bestDigit(p);
        if (p.length > DigitLabels.OTHER && p[DigitLabels.OTHER] > p[digit]) {
            return Optional.of(String.format(Locale.ROOT, "speech that is not a digit (probability %.4f; the most "
                    + "likely digit, %d, %.4f)", p[DigitLabels.OTHER], digit, p[digit]));
        }
        if (p[digit] < minConfidence) {
            return Optional.of(String.format(Locale.ROOT, "the model's confidence %.4f is below %.4f", p[digit],
                    minConfidence));
        }
        return Optional.empty();
    }
}
