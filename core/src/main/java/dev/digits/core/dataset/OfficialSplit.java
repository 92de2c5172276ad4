package dev.digits.core.dataset;

import dev.digits.api.params.Parameters;
import dev.digits.api.params.ParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The dataset's own split: FSDD's and AudioMNIST's (recordings with index 0-4 are the test set, the rest train),
 * Speech Commands' ({@code testing_list.txt} is the test set; the validation files train too, since no model here
 * is tuned on them). One fold.
 */
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
        List<java.nio.file.Path> without = entries.stream().filter(e -> e.part() == OfficialPart.NONE)
                .map(CorpusEntry::path).limit(1).toList();
        if (!without.isEmpty()) {
            throw new IllegalArgumentException("the official split needs the dataset's own split (FSDD's or "
                    + "AudioMNIST's recording indices, Speech Commands' testing_list.txt); this corpus has none for "
                    + without.get(0) + ": use protocol leave-one-speaker-out, speaker-kfold or random");
        }
        int[] test = IntStream.range(0, entries.size()).filter(i -> entries.get(i).part() == OfficialPart.TEST).toArray();
        int[] train = IntStream.range(0, entries.size()).filter(i -> entries.get(i).part() != OfficialPart.TEST).toArray();
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
            return "the dataset's own split: FSDD's recordings with index 0-4 are the test set (2700/300), Speech "
                    + "Commands' testing_list.txt";
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
