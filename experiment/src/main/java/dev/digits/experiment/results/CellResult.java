package dev.digits.experiment.results;

import dev.digits.recognition.provenance.RunProvenance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One cell of an experiment's grid as results.json records it: which cell, its status, its scores and how it
 * was obtained. A failed cell has an error and no scores.
 *
 * @param testCorrect one character per test clip in fold order: 1 right, 0 wrong (for paired significance tests)
 * @param attempts    how many attempts an engine that retries needed, when more than one
 * @param configuration the cell's full resolved configuration ({@code --resume} reuses a cell only when it
 *                    matches); {@code null} in cells written before it was recorded
 */
public record CellResult(String cell, String extractor, String backend, String model, String augmentation,
                         String modelType, String protocol, String fold, long seed, String status, String error,
                         Double accuracy, Double macroPrecision, Double macroRecall, Double macroF1,
                         List<ClassScore> perClass, int[][] confusion, Integer trainExamples, Double trainSeconds,
                         Double extractMillisPerClip, Double predictMillisPerClip, List<EpochRecord> epochs,
                         List<ConditionScore> conditions, String testCorrect, List<Misclassification> misclassified,
                         RunProvenance provenance, @JsonInclude(JsonInclude.Include.NON_NULL) Integer attempts,
                         @JsonInclude(JsonInclude.Include.NON_NULL) CellConfiguration configuration) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }

    /** This result, recording that it took {@code n} attempts. */
    public CellResult withAttempts(int n) {
        return new CellResult(cell, extractor, backend, model, augmentation, modelType, protocol, fold, seed, status, error,
                accuracy, macroPrecision, macroRecall, macroF1, perClass, confusion, trainExamples, trainSeconds,
                extractMillisPerClip, predictMillisPerClip, epochs, conditions, testCorrect, misclassified, provenance, n,
                configuration);
    }

    /** This result, recording the configuration that produced it. */
    public CellResult withConfiguration(CellConfiguration key) {
        return new CellResult(cell, extractor, backend, model, augmentation, modelType, protocol, fold, seed, status, error,
                accuracy, macroPrecision, macroRecall, macroF1, perClass, confusion, trainExamples, trainSeconds,
                extractMillisPerClip, predictMillisPerClip, epochs, conditions, testCorrect, misclassified, provenance,
                attempts, key);
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
    public record Misclassification(String file, @com.fasterxml.jackson.annotation.JsonProperty("true") int trueDigit,
                                    int predicted, List<DigitProbability> top2) {
    }

    /** A digit and its probability. */
    public record DigitProbability(int digit, double p) {
    }
}
