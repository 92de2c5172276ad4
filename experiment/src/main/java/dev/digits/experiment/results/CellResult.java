package dev.digits.experiment.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.digits.recognition.provenance.RunProvenance;

import java.util.List;

/**
 * One cell of an experiment's grid: which cell it is, how it ended, its scores, its timings and its provenance. A
 * failed cell has an error and no scores. In results.json and the cell files it is one flat object
 * ({@link CellRecord}), as it has always been.
 *
 * @param attempts      how many attempts an engine that retries needed, when more than one
 * @param configuration the cell's full resolved configuration ({@code --resume} reuses a cell only when it
 *                      matches); {@code null} in cells written before it was recorded
 */
@JsonSerialize(converter = CellRecord.FromResult.class)
@JsonDeserialize(converter = CellRecord.ToResult.class)
public record CellResult(Identity identity, String status, String error, Scores scores, Timings timings,
                         RunProvenance provenance, Integer attempts, CellConfiguration configuration) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** A cell that finished with scores. */
    public static CellResult ok(Identity identity, Scores scores, Timings timings, RunProvenance provenance) {
        return new CellResult(identity, OK, null, scores, timings, provenance, null, null);
    }

    /** A cell that failed: the error, no scores; the extraction time when it was measured. */
    public static CellResult failed(Identity identity, String error, Double extractMillisPerClip,
                                    RunProvenance provenance) {
        return new CellResult(identity, FAILED, error, Scores.NONE,
                new Timings(null, null, extractMillisPerClip, null, null), provenance, null, null);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /** The accuracy on the plain test set ({@code null} for a failed cell). */
    public Double accuracy() {
        return scores.accuracy();
    }

    /** This result, recording that it took {@code n} attempts. */
    public CellResult withAttempts(int n) {
        return new CellResult(identity, status, error, scores, timings, provenance, n, configuration);
    }

    /** This result, recording the configuration that produced it. */
    public CellResult withConfiguration(CellConfiguration key) {
        return new CellResult(identity, status, error, scores, timings, provenance, attempts, key);
    }

    /**
     * Which cell: its id, the extractor, backend, model and augmentation by their ids in the experiment, the model
     * type, the split protocol and fold, and the seed.
     */
    public record Identity(String cell, String extractor, String backend, String model, String augmentation,
                           String modelType, String protocol, String fold, long seed) {
    }

    /**
     * What the cell's model scored on its fold's test clips.
     *
     * @param conditions  accuracy under each test condition
     * @param testCorrect one character per test clip in fold order: 1 right, 0 wrong (for paired significance tests)
     * @param openSet     the figures of answering {@code ?}, when the model has the class of speech that is not a
     *                    digit or the test clips hold such speech; else {@code null}
     */
    public record Scores(Double accuracy, Double macroPrecision, Double macroRecall, Double macroF1,
                         List<ClassScore> perClass, int[][] confusion, List<ConditionScore> conditions,
                         String testCorrect, List<Misclassification> misclassified, OpenSetScores openSet) {
        /** A failed cell's: none. */
        public static final Scores NONE = new Scores(null, null, null, null, null, null, null, null, null, null);
    }

    /** How long the cell took and on how much: training examples and time, extraction and prediction per clip. */
    public record Timings(Integer trainExamples, Double trainSeconds, Double extractMillisPerClip,
                          Double predictMillisPerClip, List<EpochRecord> epochs) {
    }

    /** Precision, recall and F1 of one digit. */
    public record ClassScore(int digit, double precision, double recall, double f1, int support) {
    }

    /** One epoch's training curve point; a value the backend did not compute is {@code null}. */
    public record EpochRecord(int epoch, Double trainLoss, Double trainAccuracy, Double validationLoss,
                              Double validationAccuracy) {
    }

    /** Accuracy on the test clips under one test condition (noise, say). */
    public record ConditionScore(String id, double accuracy, double macroF1) {
    }

    /** A test clip the model got wrong, with its two most probable digits. */
    public record Misclassification(String file, @JsonProperty("true") int trueDigit, int predicted,
                                    List<DigitProbability> top2) {
    }

    /** A digit and its probability. */
    public record DigitProbability(int digit, double p) {
    }
}
