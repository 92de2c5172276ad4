package dev.digits.experiment.results;

import java.util.List;

/**
 * How a model did on test clips that include speech that is not a digit, answering {@code ?} as the library does
 * ({@link dev.digits.core.labels.OpenSetRule}) at the threshold {@code minConfidence}. Shares are 0 to 1;
 * {@code null} where there was nothing to count (no other speech among the test clips, say).
 *
 * @param digitAccuracy    of the digit clips, the share whose most likely digit is right, rejection left aside (the
 *                         figure a closed-set model is judged by)
 * @param digitsRecognised of the digit clips, the share answered with the right digit
 * @param digitsRejected   of the digit clips, the share answered {@code ?} (wrongly rejected)
 * @param othersAccepted   of the clips of other speech, the share answered with a digit (wrongly accepted)
 * @param perClass         the same for each true class
 * @param perGroup         the same for each speaker group (the dataset the clips came from)
 * @param curve            both error rates at thresholds 0, 0.05, ..., 0.95 and 0.99
 */
public record OpenSetScores(double minConfidence, int digits, int others, Double digitAccuracy,
                            Double digitsRecognised, Double digitsRejected, Double othersAccepted,
                            List<Share> perClass, List<Share> perGroup, List<CurvePoint> curve) {

    /**
     * The figures of one class or speaker group: its digit clips and other clips, and the shares as above.
     *
     * @param name a digit, {@code ?}, or a speaker group
     */
    public record Share(String name, int digits, int others, Double digitsRecognised, Double digitsRejected,
                        Double othersAccepted) {
    }

    /** The two error rates at one threshold. */
    public record CurvePoint(double minConfidence, Double digitsRejected, Double othersAccepted) {
    }
}
