package dev.digits.tck;

import dev.digits.api.model.TrainingSet;

import java.util.Random;

/**
 * A small, easy, seeded classification problem: ten Gaussian blobs, one per class, well separated, as
 * vectors or as small matrices (a class-specific pattern plus noise).
 */
public final class EasyProblem {
    private EasyProblem() {
    }

    /** {@code perClass} examples of each of 10 classes, vectors of {@code dims} values. */
    public static TrainingSet vectors(int perClass, int dims, long seed) {
        Random r = new Random(seed);
        Random centres = new Random(1234);
        float[][] centre = new float[10][dims];
        for (int c = 0; c < 10; c++) {
            for (int d = 0; d < dims; d++) {
                centre[c][d] = (float) (centres.nextGaussian() * 3);
            }
        }
        float[][] x = new float[10 * perClass][];
        int[] y = new int[10 * perClass];
        for (int i = 0; i < x.length; i++) {
            int c = i % 10;
            x[i] = new float[dims];
            for (int d = 0; d < dims; d++) {
                x[i][d] = centre[c][d] + (float) r.nextGaussian();
            }
            y[i] = c;
        }
        return new TrainingSet(x, new int[] {dims}, y, 10);
    }

    /** {@code perClass} examples of each class as {@code rows x cols} matrices, row-major. */
    public static TrainingSet matrices(int perClass, int rows, int cols, long seed) {
        TrainingSet v = vectors(perClass, rows * cols, seed);
        return new TrainingSet(v.features(), new int[] {rows, cols}, v.labels(), 10);
    }

    public static double accuracy(float[][] probabilities, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                right++;
            }
        }
        return right / (double) labels.length;
    }
}
