package dev.digits.recognition;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a {@link DigitRecognizer} heard in one recording.
 *
 * @param name       what the recording was called (a path, an upload's file name)
 * @param label      {@code "0"} to {@code "9"}; {@link #NOT_A_DIGIT} for speech that is not a digit (the model's
 *                   class of other speech is the most likely) or too unsure to be one; {@link #NO_SPEECH} for a
 *                   recording without speech
 * @param confidence the model's probability for its most likely digit, 0 to 1 (0 without speech)
 * @param ranking    every label, most likely first, {@code ?} among them in a model of other speech (empty
 *                   without speech)
 * @param warnings   how the recording differs from the training data (handled, but worth knowing)
 * @param reason     why the label is not a digit, or {@code null} when it is one
 * @param nanos      time to extract its features and classify them
 */
public record Recognition(String name, String label, float confidence, List<RankedDigit> ranking, List<String> warnings,
                          String reason, long nanos) {
    /** The label of a recording without speech. */
    public static final String NO_SPEECH = "-";
    /** The label of speech that is not a digit, or that the model is too unsure of (as {@code DigitLabels.OTHER_LABEL}). */
    public static final String NOT_A_DIGIT = "?";

    public Recognition {
        ranking = List.copyOf(ranking);
        warnings = List.copyOf(warnings);
    }

    static Recognition noSpeech(String name, String reason, List<String> warnings, long nanos) {
        return new Recognition(name, NO_SPEECH, 0f, List.of(), warnings, reason, nanos);
    }

    /** The digit, or empty for {@link #NO_SPEECH} and {@link #NOT_A_DIGIT}. */
    public OptionalInt digit() {
        return digitOf(label);
    }

    /** Whether the recording held speech (the label is a digit or {@link #NOT_A_DIGIT}). */
    public boolean hasSpeech() {
        return !NO_SPEECH.equals(label);
    }

    /** The {@code k} most likely labels (at least one; none for a recording without speech). */
    public List<RankedDigit> top(int k) {
        return ranking.subList(0, Math.min(Math.max(1, k), ranking.size()));
    }

    static OptionalInt digitOf(String label) {
        return label.length() == 1 && Character.isDigit(label.charAt(0)) ? OptionalInt.of(label.charAt(0) - '0')
                : OptionalInt.empty();
    }
}
