package dev.digits.core.dataset;

import dev.digits.api.params.Parameters;
import dev.digits.api.params.ParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** k folds of disjoint speakers, assigned by a seeded shuffle: no speaker is in both train and test. */
public final class SpeakerKFold implements SplitProtocol {
    private final int k;
    private final long seed;

    public SpeakerKFold(int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("speaker-kfold needs k >= 2, got " + k);
        }
        this.k = k;
        this.seed = seed;
    }

    @Override
    public String type() {
        return "speaker-kfold";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("k", k, "seed", seed);
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        List<String> speakers = new ArrayList<>(speakers(entries, type()));
        if (speakers.size() < k) {
            throw new IllegalArgumentException("speaker-kfold with k=" + k + " needs at least " + k
                    + " speakers; the corpus has " + speakers.size());
        }
        Collections.shuffle(speakers, new Random(seed));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            foldOf.put(speakers.get(i), i % k);
        }
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                (foldOf.get(entries.get(i).speaker()) == f ? test : train).add(i);
            }
            folds.add(new Fold("fold-" + (f + 1), RandomSplit.sorted(train), RandomSplit.sorted(test)));
        }
        return folds;
    }

    static TreeSet<String> speakers(List<CorpusEntry> entries, String protocol) {
        TreeSet<String> speakers = new TreeSet<>();
        for (CorpusEntry e : entries) {
            if (!e.hasSpeaker()) {
                throw new IllegalArgumentException(protocol + " needs speaker ids, but " + e.path()
                        + " has none (the folders layout does not name speakers)");
            }
            speakers.add(e.speaker());
        }
        if (speakers.size() < 2) {
            throw new IllegalArgumentException(protocol + " needs at least 2 speakers; the corpus has " + speakers.size());
        }
        return speakers;
    }

    /** Makes {@code speaker-kfold} available by name in experiment files. */
    public static final class Provider implements SplitProtocolProvider {
        @Override
        public String name() {
            return "speaker-kfold";
        }

        @Override
        public String description() {
            return "k folds of disjoint speakers, assigned by a seeded shuffle";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    ParameterSpec.integer("k", null, 2, 1000, "the number of folds (required)"),
                    ParameterSpec.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "the shuffle's seed"));
        }

        @Override
        public SplitProtocol create(Parameters parameters) {
            if (parameters.get("k") == null) {
                throw new IllegalArgumentException("protocol speaker-kfold needs k (the number of folds)");
            }
            return new SpeakerKFold(parameters.getInt("k"), parameters.getInt("seed"));
        }
    }
}
