package dev.digits.app.bench;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.app.cli.UsageException;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.features.FeatureCache;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.DatasetRef;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.config.ExperimentConfig.ProtocolConfig;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.engine.LocalEngine;
import dev.digits.experiment.results.Summary;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.PreparedExperiment;
import dev.digits.experiment.training.TrainingService;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code digits bench model}: trains a backend's model on FSDD's official split with the notebook's features
 * (40-d time-mean {@code mfcc-librosa} at 22050 Hz, from the feature cache) and prints training time, time per
 * gradient step, test accuracy per seed, and the latency of predicting one clip's features (median and p99).
 */
final class ModelBenchmark {
    private static final String EXTRACTOR = "notebook";
    private final Plugins plugins;
    private final DatasetLocator locator;

    ModelBenchmark(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    int run(CommandLine line, Console console) throws Exception {
        String backend = line.getOptionValue("backend");
        if (backend == null) {
            throw new UsageException("--backend NAME is required");
        }
        ConfigValues raw = ConfigValues.NONE;
        String[] specs = line.getOptionValues("spec");
        if (specs != null) {
            for (String kv : specs) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--spec takes KEY=VALUE, got '" + kv + "'");
                }
                raw = raw.with(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        List<Long> seeds = new ArrayList<>();
        for (String s : line.getOptionValue("seeds", "1").split(",")) {
            try {
                seeds.add(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--seeds takes whole numbers separated by commas (1,2,3), got '"
                        + line.getOptionValue("seeds") + "'");
            }
        }
        String type = line.getOptionValue("type", "mlp");
        Path root = locator.locate("fsdd");
        ExperimentPlan plan = ExperimentPlan.of(config(backend, type, raw, seeds), plugins, root);
        PreparedExperiment prepared;
        try (LocalEngine engine = LocalEngine.allCores()) {
            prepared = PreparedExperiment.prepare(plan, plugins, new FeatureCache(FeatureCache.defaultRoot()), engine, null,
                    console.err());
        }
        TrainingSet test = prepared.testSet(0);
        console.out().printf("backend %s, type %s, FSDD official split %d/%d, features %s%n", backend, type,
                prepared.trainingSet(0).size(), test.size(), plan.extractors().get(EXTRACTOR).parameters());
        double[] acc = new double[seeds.size()];
        double[] secs = new double[seeds.size()];
        TrainedModel last = null;
        for (int i = 0; i < seeds.size(); i++) {
            PreparedExperiment.TrainedCell t = prepared.train(i, m -> { });
            ModelSpec spec = t.trained().spec();
            last = t.trained().model();
            secs[i] = t.trained().seconds();
            acc[i] = TrainingService.evaluate(last, test).metrics().accuracy();
            int steps = spec.parameters().has("epochs") && spec.parameters().has("batchSize")
                    ? spec.getInt("epochs") * (int) Math.ceil(t.data().size() / (double) spec.getInt("batchSize")) : 0;
            console.out().printf(Locale.ROOT, "seed %d: train %.2f s%s, test accuracy %.2f%%%n", seeds.get(i), secs[i],
                    steps > 0 ? String.format(Locale.ROOT, " (%.2f ms per step of %d)", secs[i] * 1000 / steps, steps) : "",
                    acc[i] * 100);
        }
        Summary accuracy = Summary.of(acc);
        console.out().printf(Locale.ROOT, "accuracy: %.2f%% ± %.2f over %d seed(s); mean train time %.2f s%n",
                accuracy.mean() * 100, accuracy.std() * 100, acc.length, Summary.of(secs).mean());
        long[] nanos = new long[2000];
        for (int i = 0; i < 200; i++) {
            last.predictProbabilities(new float[][] {test.features()[i % test.size()]});
        }
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            last.predictProbabilities(new float[][] {test.features()[i % test.size()]});
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        console.out().printf(Locale.ROOT, "predict latency, batch of 1 (%d calls after warm-up): median %.3f ms, p99 %.3f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6);
        return 0;
    }

    /** The benchmark as an experiment: FSDD's official split, the notebook's features, one model, the seeds. */
    private ExperimentConfig config(String backend, String type, ConfigValues spec, List<Long> seeds) {
        Map<String, Object> params = Map.of("sr", 22050, "pooling", "mean");
        FeatureExtractor extractor = plugins.extractors().get("mfcc-librosa").create(params);
        return new ExperimentConfig("bench-model", null, new DatasetRef("fsdd", null, null, List.of()),
                new ProtocolConfig("official", ConfigValues.NONE, plugins.protocols().get("official").create(Map.of())),
                seeds, List.of(new ExtractorConfig(EXTRACTOR, "mfcc-librosa", ConfigValues.of(params), extractor)),
                List.of(new ModelConfig("bench", backend, type, spec)), List.of(AugmentationConfig.NONE), List.of(), true,
                EngineSettings.LOCAL, Path.of("bench model"));
    }
}
