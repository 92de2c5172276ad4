package dev.digits.experiment.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.StdConverter;
import dev.digits.experiment.results.CellResult.ClassScore;
import dev.digits.experiment.results.CellResult.ConditionScore;
import dev.digits.experiment.results.CellResult.EpochRecord;
import dev.digits.experiment.results.CellResult.Identity;
import dev.digits.experiment.results.CellResult.Misclassification;
import dev.digits.experiment.results.CellResult.Scores;
import dev.digits.experiment.results.CellResult.Timings;
import dev.digits.recognition.provenance.RunProvenance;

import java.util.List;

/**
 * A {@link CellResult} as results.json and the cell files hold it: one flat object whose fields are documented in
 * docs/experiments.md and read by other tools. Only the JSON mapping uses it.
 */
record CellRecord(String cell, String extractor, String backend, String model, String augmentation, String modelType,
                  String protocol, String fold, long seed, String status, String error, Double accuracy,
                  Double macroPrecision, Double macroRecall, Double macroF1, List<ClassScore> perClass,
                  int[][] confusion, Integer trainExamples, Double trainSeconds, Double extractMillisPerClip,
                  Double predictMillisPerClip, List<EpochRecord> epochs, List<ConditionScore> conditions,
                  String testCorrect, List<Misclassification> misclassified, RunProvenance provenance,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer attempts,
                  @JsonInclude(JsonInclude.Include.NON_NULL) CellConfiguration configuration,
                  @JsonInclude(JsonInclude.Include.NON_NULL) OpenSetScores openSet) {

    /** Writes a result flat. */
    static final class FromResult extends StdConverter<CellResult, CellRecord> {
        @Override
        public CellRecord convert(CellResult r) {
            Identity i = r.identity();
            Scores s = r.scores();
            Timings t = r.timings();
            return new CellRecord(i.cell(), i.extractor(), i.backend(), i.model(), i.augmentation(), i.modelType(),
                    i.protocol(), i.fold(), i.seed(), r.status(), r.error(), s.accuracy(), s.macroPrecision(),
                    s.macroRecall(), s.macroF1(), s.perClass(), s.confusion(), t.trainExamples(), t.trainSeconds(),
                    t.extractMillisPerClip(), t.predictMillisPerClip(), t.epochs(), s.conditions(), s.testCorrect(),
                    s.misclassified(), r.provenance(), r.attempts(), r.configuration(), s.openSet());
        }
    }

    /** Reads a flat result into its parts. */
    static final class ToResult extends StdConverter<CellRecord, CellResult> {
        @Override
        public CellResult convert(CellRecord c) {
            return new CellResult(new Identity(c.cell(), c.extractor(), c.backend(), c.model(), c.augmentation(),
                    c.modelType(), c.protocol(), c.fold(), c.seed()), c.status(), c.error(),
                    new Scores(c.accuracy(), c.macroPrecision(), c.macroRecall(), c.macroF1(), c.perClass(),
                            c.confusion(), c.conditions(), c.testCorrect(), c.misclassified(), c.openSet()),
                    new Timings(c.trainExamples(), c.trainSeconds(), c.extractMillisPerClip(), c.predictMillisPerClip(),
                            c.epochs()), c.provenance(), c.attempts(), c.configuration());
        }
    }
}
