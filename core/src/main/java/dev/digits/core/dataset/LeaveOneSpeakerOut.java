package dev.digits.core.dataset;

import dev.digits.api.params.Parameters;
import dev.digits.api.params.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One fold per speaker: that speaker's recordings are the test set, everyone else's train. */
public final class LeaveOneSpeakerOut implements SplitProtocol {

    @Override
    public String type() {
        return "leave-one-speaker-out";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        TreeSet<String> speakers = SpeakerKFold.speakers(entries, type());
        List<Fold> folds = new ArrayList<>();
        for (String speaker : speakers) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                (entries.get(i).speaker().equals(speaker) ? test : train).add(i);
            }
            folds.add(new Fold("speaker=" + speaker, RandomSplit.sorted(train), RandomSplit.sorted(test)));
        }
        return folds;
    }

    /** Makes {@code leave-one-speaker-out} available by name in experiment files. */
    public static final class Provider implements SplitProtocolProvider {
        @Override
        public String name() {
            return "leave-one-speaker-out";
        }

        @Override
        public String description() {
            return "one fold per speaker: tests on a voice the model never heard";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public SplitProtocol create(Parameters parameters) {
            return new LeaveOneSpeakerOut();
        }
    }
}
