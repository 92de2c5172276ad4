package dev.digits.app.recognition;

import java.util.List;

/**
 * The recognised digit of one recording.
 *
 * @param name     what the recording was called (a path, an upload's file name)
 * @param digit    the most likely label
 * @param ranking  every label, most likely first
 * @param warnings how the recording differs from the training data (handled, but worth knowing)
 * @param nanos    time to extract its features and classify them
 */
public record ClipResult(String name, String digit, float confidence, List<RankedDigit> ranking, List<String> warnings,
                         long nanos) {
    public ClipResult {
        ranking = List.copyOf(ranking);
        warnings = List.copyOf(warnings);
    }

    /** The {@code k} most likely labels (at least one). */
    public List<RankedDigit> top(int k) {
        return ranking.subList(0, Math.max(1, Math.min(k, ranking.size())));
    }
}
