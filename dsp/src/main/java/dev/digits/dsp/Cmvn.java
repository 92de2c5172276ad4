package dev.digits.dsp;

import java.util.List;
import java.util.Locale;

/**
 * Per-utterance cepstral mean (and variance) normalisation: each row of a {@code [coefficients x frames]} matrix
 * shifted to zero mean (and scaled to unit variance) over the clip's own frames. It removes a fixed channel or
 * speaker colouring, which helps on voices and microphones the model never heard.
 */
public enum Cmvn {
    NONE("none"),
    MEAN("mean"),
    MEAN_VAR("mean-var");

    private final String id;

    Cmvn(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return List.of("none", "mean", "mean-var");
    }

    public static Cmvn byId(String id) {
        for (Cmvn c : values()) {
            if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cmvn '" + id + "'; known: " + ids());
    }

    /**
     * The per-row statistics of a row-major matrix: {@code {shift, scale}} for each row, so that the normalised
     * value is {@code (x - shift[r]) / scale[r]}.
     */
    public double[][] statistics(double[] matrix, int rows, int cols) {
        double[] shift = new double[rows];
        double[] scale = new double[rows];
        for (int r = 0; r < rows; r++) {
            scale[r] = 1;
            if (this == NONE || cols == 0) {
                continue;
            }
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += matrix[r * cols + c];
            }
            double mean = sum / cols;
            shift[r] = mean;
            if (this == MEAN_VAR) {
                double sq = 0;
                for (int c = 0; c < cols; c++) {
                    double d = matrix[r * cols + c] - mean;
                    sq += d * d;
                }
                scale[r] = Math.max(Math.sqrt(sq / cols), 1e-8);
            }
        }
        return new double[][] {shift, scale};
    }
}
