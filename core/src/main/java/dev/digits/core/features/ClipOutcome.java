package dev.digits.core.features;

import dev.digits.api.features.Features;

/**
 * What extracting one clip of a corpus gave: its features, or the problem that stopped it.
 *
 * @param features     {@code null} when the file could not be used
 * @param problem      why not, for the bad-file report ({@code null} when features were made)
 * @param fromCache    the features were read from the cache
 * @param damagedEntry a damaged cache entry found (and recomputed) on the way, or {@code null}
 * @param computeNanos time spent computing (0 for a cache hit)
 * @param cacheProblem why the features could not be written to the cache (they are still used), or {@code null}
 * @param warning      what was odd but readable about the file (such as a data size of 0), or {@code null}
 */
public record ClipOutcome(Features features, String problem, boolean fromCache, String damagedEntry,
                          long computeNanos, String cacheProblem, String warning) {

    public ClipOutcome(Features features, String problem, boolean fromCache, String damagedEntry, long computeNanos,
                       String cacheProblem) {
        this(features, problem, fromCache, damagedEntry, computeNanos, cacheProblem, null);
    }

    public static ClipOutcome failed(String problem) {
        return new ClipOutcome(null, problem, false, null, 0, null);
    }
}
