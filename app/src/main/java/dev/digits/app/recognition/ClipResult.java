package dev.digits.app.recognition;

import java.util.List;

/**
 * The recognised digit of one recording.
 *
 * @param name     what the recording was called (a path, an upload's file name)
 * @param digit    the most likely label, or {@code -} when the recording holds no speech
 * @param ranking  every label, most likely first
 * @param warnings how the recording differs from the training data (handled, but worth knowing)
 * @param noSpeech why the recording holds no speech (then {@code digit} is {@code -}), or {@code null}
 * @param nanos    time to extract its features and classify them
 */
public record ClipResult(String name, String digit, float confidence, List<RankedDigit> ranking, List<String> warnings,
                         String noSpeech, long nanos) {
    /** What {@code digit} is for a recording without speech. */
    public static final String NO_DIGIT = "-";

    public ClipResult {
        ranking = List.copyOf(ranking);
        warnings = List.copyOf(warnings);
    }

    static ClipResult noSpeech(String name, String reason, List<String> warnings, long nanos) {
        return new ClipResult(name, NO_DIGIT, 0f, List.of(), warnings, reason, nanos);
    }

    /** The {@code k} most likely labels (at least one; none for a recording without speech). */
    public List<RankedDigit> top(int k) {
        return ranking.subList(0, Math.min(Math.max(1, k), ranking.size()));
    }
}
