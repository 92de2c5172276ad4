package dev.digits.dsp;

/**
 * Brings a {@code [rows x cols]} matrix to a fixed number of columns, as CNNs (and flattened vectors) need:
 * {@link #apply} pads or crops keeping the content centred, padding with a "silence" column; {@link #stretch}
 * resamples the time axis so the whole utterance fills the width, whatever its duration.
 */
public final class FixedFrameCount {
    private FixedFrameCount() {
    }

    /**
     * @param matrix  row-major {@code rows x cols}
     * @param target  the number of columns wanted
     * @param silence the column used for padding, {@code rows} values
     */
    public static double[] apply(double[] matrix, int rows, int cols, int target, double[] silence) {
        if (target == cols) {
            return matrix;
        }
        double[] out = new double[rows * target];
        int shift = (target - cols) / 2; // > 0 pads on the left, < 0 crops on the left
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < target; c++) {
                int src = c - shift;
                out[r * target + c] = src >= 0 && src < cols ? matrix[r * cols + src] : silence[r];
            }
        }
        return out;
    }

    /**
     * Resamples the time axis to {@code target} columns: output column {@code j} is the average of the input over
     * the time span {@code [j, j + 1) * cols / target}, each input frame weighted by its overlap with the span.
     */
    public static double[] stretch(double[] matrix, int rows, int cols, int target) {
        if (target == cols) {
            return matrix;
        }
        if (cols == 0) {
            return new double[rows * target];
        }
        double[] out = new double[rows * target];
        double step = cols / (double) target;
        for (int j = 0; j < target; j++) {
            double from = j * step;
            double to = from + step;
            int first = (int) Math.floor(from);
            int last = Math.min(cols - 1, (int) Math.ceil(to) - 1);
            for (int r = 0; r < rows; r++) {
                double sum = 0;
                for (int c = first; c <= last; c++) {
                    double overlap = Math.min(to, c + 1) - Math.max(from, c);
                    sum += overlap * matrix[r * cols + c];
                }
                out[r * target + j] = sum / step;
            }
        }
        return out;
    }
}
