package dev.digits.experiment.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy, per-class precision/recall/F1 with macro averages, and the confusion matrix (rows = true class,
 * columns = predicted class) of one test set.
 */
public record ClassificationMetrics(double accuracy, double macroPrecision, double macroRecall, double macroF1,
                                    List<PerClass> perClass, int[][] confusion) {

    /** Precision, recall, F1 and support of one class. */
    public record PerClass(int label, double precision, double recall, double f1, int support) {
    }

    public static ClassificationMetrics of(int[] truth, int[] predicted, int numClasses) {
        int[][] confusion = new int[numClasses][numClasses];
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                right++;
            }
        }
        List<PerClass> per = new ArrayList<>();
        double sp = 0;
        double sr = 0;
        double sf = 0;
        for (int c = 0; c < numClasses; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predictedC = 0;
            for (int k = 0; k < numClasses; k++) {
                support += confusion[c][k];
                predictedC += confusion[k][c];
            }
            double precision = predictedC == 0 ? 0 : tp / (double) predictedC;
            double recall = support == 0 ? 0 : tp / (double) support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new PerClass(c, precision, recall, f1, support));
            sp += precision;
            sr += recall;
            sf += f1;
        }
        return new ClassificationMetrics(truth.length == 0 ? 0 : right / (double) truth.length, sp / numClasses,
                sr / numClasses, sf / numClasses, per, confusion);
    }
}
