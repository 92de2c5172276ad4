package dev.digits.recognition;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * One utterance a {@link StreamingSession} recognised: where it was in the stream, its label and how sure the model
 * is.
 *
 * @param startSeconds  where the utterance starts, in seconds from the start of the stream
 * @param endSeconds    where it ends
 * @param label         {@code "0"} to {@code "9"}, or {@link Recognition#NOT_A_DIGIT} for speech that is not a digit
 *                      or below the session's confidence threshold
 * @param confidence    the model's probability for its most likely digit, 0 to 1
 * @param decisionNanos the time taken to classify it after the detector closed it
 * @param reason        why the label is {@link Recognition#NOT_A_DIGIT}, or {@code null} for a digit
 */
public record Utterance(double startSeconds, double endSeconds, String label, float confidence, long decisionNanos,
                        String reason) {

    /** The digit, or empty when the label is not a digit. */
    public OptionalInt digit() {
        return Recognition.digitOf(label);
    }

    /** {@code START END LABEL CONFIDENCE}, as {@code digits stream} prints it. */
    public String line() {
        return String.format(Locale.ROOT, "%.2f %.2f %s %.4f", startSeconds, endSeconds, label, confidence);
    }
}
