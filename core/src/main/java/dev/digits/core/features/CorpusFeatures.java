package dev.digits.core.features;

import dev.digits.api.features.Features;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.CorpusEntry;

import java.util.List;
import java.util.Optional;

/**
 * The features of every readable clip of a corpus, in corpus order, with what it cost.
 *
 * @param entries              the clips that were read, in corpus order
 * @param features             {@code features.get(i)} belongs to {@code entries.get(i)}
 * @param badFiles             files skipped, and why
 * @param extracted            clips computed in this run
 * @param fromCache            clips read from the cache
 * @param damagedCacheEntries  cache entries found damaged (recomputed)
 * @param extractMillisPerClip mean wall time per computed clip (decode + resample + extract), per thread
 * @param notCached            clips whose features could not be written to the cache (computed in memory, used)
 * @param cacheProblem         the first reason a cache write failed, or {@code null} when none did
 */
public record CorpusFeatures(List<CorpusEntry> entries, List<Features> features, List<BadFile> badFiles,
                             int extracted, int fromCache, List<String> damagedCacheEntries,
                             double extractMillisPerClip, int notCached, String cacheProblem, List<String> warnings) {

    public CorpusFeatures(List<CorpusEntry> entries, List<Features> features, List<BadFile> badFiles, int extracted,
                          int fromCache, List<String> damagedCacheEntries, double extractMillisPerClip, int notCached,
                          String cacheProblem) {
        this(entries, features, badFiles, extracted, fromCache, damagedCacheEntries, extractMillisPerClip, notCached,
                cacheProblem, List.of());
    }

    public int size() {
        return entries.size();
    }

    /** One line for standard error when the cache could not be written (the features were used anyway). */
    public Optional<String> cacheWarning() {
        return notCached == 0 ? Optional.empty() : Optional.of(String.format(
                "warning: the feature cache cannot be written (%s); %d clips' features were computed in memory and "
                        + "used, not cached (set DIGITS_CACHE to a writable folder)", cacheProblem, notCached));
    }
}
