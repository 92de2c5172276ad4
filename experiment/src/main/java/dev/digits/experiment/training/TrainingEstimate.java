package dev.digits.experiment.training;

import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;

import java.util.Random;

/**
 * How long training a model on a set will take, told before it starts: the model is trained on random samples of
 * the set of {@code m}, {@code 2m} and {@code 4m} examples (after a smaller one that warms the code up), and the
 * time is extrapolated to the whole set with the growth the two larger show (between linear, as for networks
 * trained by epochs, and {@code n^2.5}, as for kernel SVMs; from {@code m} to {@code 2m} fixed costs hide a kernel
 * SVM's growth: an estimate from them was a quarter of the time taken on 18,570 examples).
 *
 * @param seconds        the estimate for the whole set
 * @param pilotExamples  {@code m}
 * @param pilotSeconds   the time of the {@code 4m} pilot
 * @param exponent       the growth used: time proportional to examples to this power
 */
public record TrainingEstimate(double seconds, int pilotExamples, double pilotSeconds, double exponent) {
    /** Examples of the smaller pilot. */
    public static final int PILOT = 1000;
    /** Sets smaller than this are not estimated (training them takes about as long as the pilots would). */
    public static final int WORTH_ESTIMATING = 8 * PILOT;

    /** Estimates by pilot trainings (a few seconds). */
    public static TrainingEstimate of(TrainingService training, ModelConfig model, long seed, TrainingSet set) {
        int m = Math.min(PILOT, set.size() / 4);
        if (m < 10) {
            throw new IllegalArgumentException("too few examples to estimate from: " + set.size());
        }
        int[] order = shuffled(set.size(), seed);
        time(training, model, seed, set.select(java.util.Arrays.copyOf(order, m / 2))); // warm-up
        time(training, model, seed, set.select(java.util.Arrays.copyOf(order, m)));
        double t2 = time(training, model, seed, set.select(java.util.Arrays.copyOf(order, 2 * m)));
        double t4 = time(training, model, seed, set.select(java.util.Arrays.copyOf(order, 4 * m)));
        double exponent = Math.max(1, Math.min(2.5, Math.log(t4 / Math.max(t2, 1e-6)) / Math.log(2)));
        return new TrainingEstimate(t4 * Math.pow(set.size() / (4.0 * m), exponent), m, t4, exponent);
    }

    private static double time(TrainingService training, ModelConfig model, long seed, TrainingSet sample) {
        long t0 = System.nanoTime();
        training.train(model, seed, sample, e -> { });
        return (System.nanoTime() - t0) / 1e9;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The estimate as people say it: {@code about 40 s}, {@code about 7 min}, {@code about 2.5 h}. */
    public String said() {
        if (seconds < 90) {
            return String.format(java.util.Locale.ROOT, "about %.0f s", Math.max(1, seconds));
        }
        if (seconds < 5400) {
            return String.format(java.util.Locale.ROOT, "about %.0f min", seconds / 60);
        }
        return String.format(java.util.Locale.ROOT, "about %.1f h", seconds / 3600);
    }
}
