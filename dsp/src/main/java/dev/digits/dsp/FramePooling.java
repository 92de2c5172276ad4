package dev.digits.dsp;

import dev.digits.api.features.Features;

import java.util.List;
import java.util.Locale;

/**
 * How a {@code [coefficients x frames]} matrix becomes an extractor's output: kept as is, averaged over time
 * (the notebook's 40-d vector), averaged with the standard deviation appended, or flattened row by row into
 * one vector (for a fixed frame count: the time course for models that take vectors).
 */
public enum FramePooling {
    NONE("none"),
    MEAN("mean"),
    MEAN_STD("mean-std"),
    FLATTEN("flatten");

    private final String id;

    FramePooling(String id) {
        this.id = id;
    }

    /** The word used in parameters: {@code none}, {@code mean}, {@code mean-std} or {@code flatten}. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return List.of("none", "mean", "mean-std", "flatten");
    }

    public static FramePooling byId(String id) {
        for (FramePooling p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + id + "'; known: " + ids());
    }

    /**
     * Pads or crops the matrix to {@code frames} columns first when pooling is {@code none} and {@code frames > 0}
     * (padding with the {@code silence} column), then pools it.
     */
    public Features apply(double[] matrix, int rows, int cols, int frames, java.util.function.Supplier<double[]> silence) {
        if (this == NONE && frames > 0 && frames != cols) {
            return apply(FixedFrameCount.apply(matrix, rows, cols, frames, silence.get()), rows, frames);
        }
        return apply(matrix, rows, cols);
    }

    /**
     * Pools a row-major matrix.
     *
     * @param matrix {@code rows x cols} values, row-major
     */
    public Features apply(double[] matrix, int rows, int cols) {
        if (this == NONE || this == FLATTEN) {
            float[] out = new float[rows * cols];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) matrix[i];
            }
            return this == NONE ? Features.matrix(out, rows, cols) : Features.vector(out);
        }
        float[] out = new float[this == MEAN ? rows : 2 * rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += matrix[r * cols + c];
            }
            double mean = cols == 0 ? 0 : sum / cols;
            out[r] = (float) mean;
            if (this == MEAN_STD) {
                double sq = 0;
                for (int c = 0; c < cols; c++) {
                    double d = matrix[r * cols + c] - mean;
                    sq += d * d;
                }
                out[rows + r] = (float) Math.sqrt(cols == 0 ? 0 : sq / cols);
            }
        }
        return Features.vector(out);
    }
}
