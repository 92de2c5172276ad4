package dev.digits.training;

/** Mean cross-entropy and accuracy of predicted class probabilities against true labels. */
public final class ProbabilityMetrics {
    private ProbabilityMetrics() {
    }

    public static double crossEntropy(float[][] probabilities, int[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-7, probabilities[i][labels[i]]));
        }
        return labels.length == 0 ? Double.NaN : sum / labels.length;
    }

    public static double accuracy(float[][] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (argmax(probabilities[i]) == labels[i]) {
                right++;
            }
        }
        return labels.length == 0 ? Double.NaN : right / (double) labels.length;
    }

    public static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
