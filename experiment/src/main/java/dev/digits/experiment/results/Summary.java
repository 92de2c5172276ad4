package dev.digits.experiment.results;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/**
 * The mean, sample standard deviation and 95% confidence half-width of some runs' figures (accuracies over folds and
 * seeds, say): the one place the console table, the report and {@code bench} compute them.
 *
 * @param n    how many values
 * @param mean their mean ({@code NaN} for none)
 * @param std  their sample standard deviation (0 for fewer than two)
 */
public record Summary(int n, double mean, double std) {
    /** Student's t for a two-sided 95% interval, by degrees of freedom 1-30 (index 0 unused). */
    private static final double[] T95 = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262,
        2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** The summary of these values. */
    public static Summary of(double... values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, 0);
        }
        double mean = Arrays.stream(values).sum() / n;
        if (n < 2) {
            return new Summary(n, mean, 0);
        }
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new Summary(n, mean, Math.sqrt(squares / (n - 1)));
    }

    /** The summary of a stream's values. */
    public static Summary of(DoubleStream values) {
        return of(values.toArray());
    }

    /** Half the width of the 95% confidence interval of the mean (Student's t; {@code NaN} for fewer than two). */
    public double halfWidth95() {
        if (n < 2) {
            return Double.NaN;
        }
        double t = n - 1 < T95.length ? T95[n - 1] : 1.960;
        return t * std / Math.sqrt(n);
    }
}
