package dev.digits.core.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled files of a corpus folder, found by its {@link CorpusLayout}, and the files that were skipped
 * because their names do not fit it.
 */
public record Corpus(Path root, CorpusLayout layout, List<CorpusEntry> entries, List<BadFile> badFiles) {

    public Corpus {
        entries = List.copyOf(entries);
        badFiles = List.copyOf(badFiles);
    }

    /** Finds the layout and scans the folder. */
    public static Corpus open(Path root) throws java.io.IOException {
        return CorpusLayout.detect(root).scan(root);
    }

    public int size() {
        return entries.size();
    }

    public Map<Integer, Long> countByDigit() {
        return count(CorpusEntry::digit);
    }

    /** Counts per speaker; empty if the layout has no speakers. */
    public Map<String, Long> countBySpeaker() {
        if (entries.stream().noneMatch(CorpusEntry::hasSpeaker)) {
            return Map.of();
        }
        return count(e -> e.hasSpeaker() ? e.speaker() : "(unknown)");
    }

    private <K extends Comparable<K>> Map<K, Long> count(Function<CorpusEntry, K> key) {
        return entries.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
