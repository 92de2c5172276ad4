package dev.digits.core.features;

import dev.digits.api.features.Features;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.CorpusEntry;

import java.util.List;

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
 */
public record CorpusFeatures(List<CorpusEntry> entries, List<Features> features, List<BadFile> badFiles,
                             int extracted, int fromCache, List<String> damagedCacheEntries,
                             double extractMillisPerClip) {

    public int size() {
        return entries.size();
    }
}
