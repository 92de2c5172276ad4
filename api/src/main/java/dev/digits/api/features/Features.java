package dev.digits.api.features;

import java.util.Arrays;

/**
 * The output of a {@link FeatureExtractor}: a vector {@code [n]} or a matrix {@code [rows x cols]}
 * ({@code [coefficients x frames]} for MFCCs), stored row-major.
 */
public final class Features {
    private final float[] values;
    private final int[] shape;

    private Features(float[] values, int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + values.length);
        }
        this.values = values;
        this.shape = shape.clone();
    }

    public static Features vector(float[] values) {
        return new Features(values, new int[] {values.length});
    }

    /** A matrix from row-major values. */
    public static Features matrix(float[] rowMajor, int rows, int cols) {
        return new Features(rowMajor, new int[] {rows, cols});
    }

    public static Features matrix(float[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        float[] flat = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("ragged matrix: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return new Features(flat, new int[] {r, c});
    }

    /** The row-major values; shared, treat as read-only. */
    public float[] values() {
        return values;
    }

    public int[] shape() {
        return shape.clone();
    }

    public boolean isMatrix() {
        return shape.length == 2;
    }

    public int rows() {
        return shape[0];
    }

    public int cols() {
        return shape.length == 2 ? shape[1] : 1;
    }

    public float get(int row, int col) {
        return values[row * cols() + col];
    }

    public int size() {
        return values.length;
    }

    @Override
    public String toString() {
        return "Features" + Arrays.toString(shape);
    }
}
