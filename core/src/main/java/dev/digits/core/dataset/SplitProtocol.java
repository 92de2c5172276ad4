package dev.digits.core.dataset;

import java.util.List;
import java.util.Map;

/**
 * How a corpus is split into training and test folds. Implementations are deterministic: the same entries
 * (and seed, where there is one) give the same folds.
 */
public interface SplitProtocol {

    /** The protocol's name in configuration and results: {@code official}, {@code random} ... */
    String type();

    /** The protocol's settings, for results and provenance. */
    Map<String, Object> settings();

    /**
     * Splits the entries.
     *
     * @throws IllegalArgumentException if the corpus cannot be split this way (no speakers, too few of them)
     */
    List<Fold> folds(List<CorpusEntry> entries);
}
