package dev.digits.experiment.run;

import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SplitProtocol;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The one fold {@code digits train} trains a bundle on, nothing tested: every clip ({@code --split all}), or the
 * training part of the experiment's protocol's first fold ({@code --split train}). Its type and settings are the
 * protocol's, for provenance.
 */
final class TrainingSplit implements SplitProtocol {
    private final SplitProtocol protocol;
    private final boolean allData;

    private TrainingSplit(SplitProtocol protocol, boolean allData) {
        this.protocol = protocol;
        this.allData = allData;
    }

    /** Every clip, in a fold named {@code all}. */
    static TrainingSplit allData(SplitProtocol protocol) {
        return new TrainingSplit(protocol, true);
    }

    /** The training part of the protocol's first fold, under that fold's name. */
    static TrainingSplit firstFoldsTraining(SplitProtocol protocol) {
        return new TrainingSplit(protocol, false);
    }

    @Override
    public String type() {
        return protocol.type();
    }

    @Override
    public Map<String, Object> settings() {
        return protocol.settings();
    }

    @Override
    public List<Fold> folds(List<CorpusEntry> entries) {
        if (allData) {
            return List.of(new Fold("all", IntStream.range(0, entries.size()).toArray(), new int[0]));
        }
        Fold first = protocol.folds(entries).get(0);
        return List.of(new Fold(first.name(), first.train(), new int[0]));
    }
}
