package dev.digits.api.features;

/**
 * Pads or crops a {@code [rows x cols]} matrix to a fixed number of columns, keeping the content centred;
 * padding columns hold the given "silence" column. CNNs need one input width for every clip.
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
}
