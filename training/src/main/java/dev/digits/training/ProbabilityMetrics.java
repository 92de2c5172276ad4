package dev.digits.training;

/**
 * Mean cross-entropy and accuracy of predicted class probabilities against true labels, and the check that
 * probabilities are numbers at all.
 */
public final class ProbabilityMetrics {
    private ProbabilityMetrics() {
    }

    /**
     * Fails when any probability is NaN or infinite: a model that outputs those has diverged or was fed
     * non-finite features, and any accuracy computed from them would be meaningless.
     *
     * @throws IllegalStateException naming how many rows were affected
     */
    public static float[][] requireFinite(float[][] probabilities) {
        int bad = 0;
        for (float[] row : probabilities) {
            for (float p : row) {
                if (!Float.isFinite(p)) {
                    bad++;
                    break;
                }
            }
        }
        if (bad > 0) {
            throw new IllegalStateException("the model output NaN or infinite probabilities for " + bad + " of "
                    + probabilities.length + " examples (training diverged, or the features hold non-finite values)");
        }
        return probabilities;
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
