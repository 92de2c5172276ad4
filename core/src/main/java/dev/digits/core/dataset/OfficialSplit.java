package dev.digits.core.dataset;

import dev.digits.api.params.Parameters;
import dev.digits.api.params.ParameterSpec;
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

    /** Makes {@code official} available by name in experiment files. */
    public static final class Provider implements SplitProtocolProvider {
        @Override
        public String name() {
            return "official";
        }

        @Override
        public String description() {
            return "FSDD's official split: recordings with index 0-4 are the test set (2700/300 on FSDD)";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public SplitProtocol create(Parameters parameters) {
            return new OfficialSplit();
        }
    }
}
