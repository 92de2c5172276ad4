package dev.digits.app.bench;

import dev.digits.api.model.TrainingSet;
import dev.digits.app.cli.NumberOption;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.features.FeatureCache;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.engine.LocalEngine;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.run.PreparedExperiment;
import dev.digits.experiment.training.TrainingEstimate;
import dev.digits.experiment.training.TrainingService;
import dev.digits.experiment.training.TrainingSets;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code digits bench head}: how a classifier head scales. The experiment's training set (every clip and its
 * augmented copies, as {@code digits train} makes it) is replicated to {@code --examples} rows, each replica's
 * features jittered with Gaussian noise ({@code --jitter} times each feature's spread), as a stand-in for a larger
 * corpus; then {@code train}'s estimate is printed, the model is trained once, and the real time next to it.
 */
final class HeadBenchmark {
    static final int DEFAULT_EXAMPLES = 400_000;
    private final Plugins plugins;
    private final DatasetLocator locator;

    HeadBenchmark(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    int run(CommandLine line, Console console) throws Exception {
        ExperimentChoice choice = ExperimentChoice.of(line, plugins);
        ModelConfig model = choice.model();
        int examples = NumberOption.wholeNumber(line, "examples", DEFAULT_EXAMPLES, 100, 100_000_000);
        double jitter = NumberOption.number(line, "jitter", 0.05, 0, 10, false);
        long seed = choice.config().seeds().get(0);

        Path root = new ExperimentRunner(plugins, locator, console).resolveDataset(choice.config());
        ExperimentPlan plan = ExperimentPlan.forTraining(choice.config(), plugins, root, choice.extractor(), model,
                choice.augmentation(), true);
        FeatureCache cache = choice.config().cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        TrainingSet base;
        try (LocalEngine engine = LocalEngine.allCores()) {
            base = PreparedExperiment.prepare(plan, plugins, cache, engine, null, console.err()).trainingSet(0);
        }
        TrainingSet set = replicated(base, examples, jitter, seed);
        console.out().printf(Locale.ROOT, "head %s (%s %s) on %s%s: %d examples of %d features (%d real ones, "
                        + "replicated with %.2f jitter), %d cores%n", model.id(), model.backend(), model.type(),
                choice.extractor().id(), choice.augmentation().isNone() ? "" : " + " + choice.augmentation().id(), set.size(), set.width(),
                base.size(), jitter, Runtime.getRuntime().availableProcessors());
        console.out().flush();
        TrainingService training = new TrainingService(plugins);
        long e0 = System.nanoTime();
        TrainingEstimate estimate = TrainingEstimate.of(training, model, seed, set);
        console.out().printf(Locale.ROOT, "train's estimate: %s (%.0f s; pilots on %d, %d and %d examples, growth "
                        + "examples^%.2f; the pilots took %.1f s)%n", estimate.said(), estimate.seconds(),
                estimate.pilotExamples(), 2 * estimate.pilotExamples(), 4 * estimate.pilotExamples(), estimate.exponent(),
                (System.nanoTime() - e0) / 1e9);
        console.out().flush();
        if (line.hasOption("estimate-only")) {
            return 0;
        }
        long t0 = System.nanoTime();
        TrainingService.Trained trained = training.train(model, seed, set, e -> { });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accuracy = TrainingService.evaluate(trained.model(), base).metrics().accuracy();
        console.out().printf(Locale.ROOT, "trained in %.1f s (%.1f min; %.0f examples/s; estimate/actual %.2f); "
                        + "accuracy on the real examples %.2f%%%n", seconds, seconds / 60, set.size() / seconds,
                estimate.seconds() / seconds, accuracy * 100);
        return 0;
    }

    /** {@code base} repeated to {@code n} rows; every repeat after the first jittered. */
    static TrainingSet replicated(TrainingSet base, int n, double jitter, long seed) {
        float[] spread = spread(base);
        Random random = new Random(seed);
        List<float[]> rows = new ArrayList<>(n);
        List<Integer> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] row = base.features()[i % base.size()];
            if (i >= base.size()) {
                row = row.clone();
                for (int k = 0; k < row.length; k++) {
                    row[k] += (float) (random.nextGaussian() * jitter * spread[k]);
                }
            }
            rows.add(row);
            labels.add(base.labels()[i % base.size()]);
        }
        return TrainingSets.of(rows, labels, base.shape(), base.numClasses());
    }

    /** Each feature's standard deviation over the set. */
    private static float[] spread(TrainingSet set) {
        int w = set.width();
        double[] sum = new double[w];
        double[] sq = new double[w];
        for (float[] row : set.features()) {
            for (int k = 0; k < w; k++) {
                sum[k] += row[k];
                sq[k] += (double) row[k] * row[k];
            }
        }
        float[] sd = new float[w];
        for (int k = 0; k < w; k++) {
            double mean = sum[k] / set.size();
            sd[k] = (float) Math.sqrt(Math.max(0, sq[k] / set.size() - mean * mean));
        }
        return sd;
    }
}
