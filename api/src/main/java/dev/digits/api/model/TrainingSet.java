package dev.digits.api.model;

import java.util.Arrays;

/**
 * Labelled examples for training: one flattened feature row per example, all of one {@code shape}
 * (a vector {@code [n]} or a matrix {@code [rows, cols]} stored row-major), and labels in
 * {@code [0, numClasses)}.
 */
public record TrainingSet(float[][] features, int[] shape, int[] labels, int numClasses) {

    public TrainingSet {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        int width = 1;
        for (int d : shape) {
            width *= d;
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != width) {
                throw new IllegalArgumentException("example " + i + " has " + features[i].length
                        + " values, expected " + width + " for shape " + Arrays.toString(shape));
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("example " + i + " has label " + labels[i]
                        + ", outside [0, " + numClasses + ")");
            }
        }
        shape = shape.clone();
    }

    public int size() {
        return labels.length;
    }

    /** Number of values per example. */
    public int width() {
        return features.length == 0 ? Arrays.stream(shape).reduce(1, (a, b) -> a * b) : features[0].length;
    }

    /** A subset, in the order of {@code indices}. */
    public TrainingSet select(int[] indices) {
        float[][] f = new float[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            f[i] = features[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new TrainingSet(f, shape, l, numClasses);
    }
}
