package dev.digits.core.dataset;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** FSDD's official split: recordings with index 0-4 are the test set, the rest train. */
public final class OfficialSplit implements SplitProtocol {

    /** Recordings with an index below this are test data. */
    public static final int TEST_INDEX_BELOW = 5;

    @Override
    public String type() {
        return "official";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("testIndexBelow", TEST_INDEX_BELOW);
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        if (entries.stream().anyMatch(e -> e.index() < 0)) {
            throw new IllegalArgumentException("the official split needs recording indices (FSDD or AudioMNIST layout); "
                    + "this corpus has none: use protocol random");
        }
        int[] test = IntStream.range(0, entries.size()).filter(i -> entries.get(i).index() < TEST_INDEX_BELOW).toArray();
        int[] train = IntStream.range(0, entries.size()).filter(i -> entries.get(i).index() >= TEST_INDEX_BELOW).toArray();
        return List.of(new Fold("official", train, test));
    }
}
