package dev.digits.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A split protocol whose folds also train on recordings that are never tested on: synthetic voices, or another
 * corpus. The wrapped protocol splits the other entries exactly as it would alone; the training-only entries
 * are added to the training part of every fold.
 */
public final class WithExtraTraining implements SplitProtocol {
    private final SplitProtocol base;
    private final Set<Path> trainingOnly;

    /** @param trainingOnly the files (as in {@link CorpusEntry#path()}) that only ever train */
    public WithExtraTraining(SplitProtocol base, Set<Path> trainingOnly) {
        this.base = base;
        this.trainingOnly = Set.copyOf(trainingOnly);
    }

    @Override
    public String type() {
        return base.type();
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>(base.settings());
        s.put("extraTrainingFiles", trainingOnly.size());
        return s;
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        List<CorpusEntry> split = new ArrayList<>();
        List<Integer> splitIndex = new ArrayList<>();
        List<Integer> extra = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (trainingOnly.contains(entries.get(i).path())) {
                extra.add(i);
            } else {
                split.add(entries.get(i));
                splitIndex.add(i);
            }
        }
        List<Fold> folds = new ArrayList<>();
        for (Fold f : base.folds(split)) {
            List<Integer> train = new ArrayList<>(extra);
            for (int i : f.train()) {
                train.add(splitIndex.get(i));
            }
            List<Integer> test = new ArrayList<>();
            for (int i : f.test()) {
                test.add(splitIndex.get(i));
            }
            folds.add(new Fold(f.name(), RandomSplit.sorted(train), RandomSplit.sorted(test)));
        }
        return folds;
    }
}
