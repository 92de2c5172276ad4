package dev.digits.app.bench;

import dev.digits.experiment.training.TrainingSets;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.experiment.config.ConfigValues;

import dev.digits.api.features.Features;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.training.TrainingService;
import java.nio.file.Path;
import java.util.HashMap;

import dev.digits.experiment.Plugins;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.experiment.results.Summary;
import dev.digits.training.ProbabilityMetrics;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.OfficialSplit;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;
import org.apache.commons.cli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code digits bench model}: trains a backend's model on FSDD's official split with the notebook's features
 * (40-d time-mean {@code mfcc-librosa} at 22050 Hz, from the feature cache) and prints training time, time per
 * gradient step, test accuracy per seed, and the latency of predicting one clip's features (median and p99).
 */
final class ModelBenchmark {
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
            seeds.add(Long.parseLong(s.trim()));
        }
        String type = line.getOptionValue("type", "mlp");
        Corpus corpus = Corpus.open(locator.locate("fsdd"));
        FeatureExtractor extractor = plugins.extractors().get("mfcc-librosa").create(Map.of("sr", 22050, "pooling", "mean"));
        CorpusFeatures features = new CorpusExtraction(extractor, new FeatureCache(FeatureCache.defaultRoot()),
                Runtime.getRuntime().availableProcessors(), SpeechPresence.DEFAULT).run(corpus, n -> { });
        features.cacheWarning().ifPresent(console.err()::println);
        Fold fold = new OfficialSplit().folds(features.entries()).get(0);
        Map<Path, Features> clean = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            clean.put(features.entries().get(i).path(), features.features().get(i));
        }
        int numClasses = TrainingService.numClasses(features.entries());
        TrainingSet train = TrainingSets.of(features.entries(), fold.train(), clean, List.of(), numClasses);
        TrainingSet test = TrainingSets.of(features.entries(), fold.test(), clean, List.of(), numClasses);
        TrainingService service = new TrainingService(plugins);
        ModelConfig model = new ModelConfig("bench", backend, type, raw);
        console.out().printf("backend %s, type %s, FSDD official split %d/%d, features %s%n", backend, type, train.size(),
                test.size(), extractor.parameters());
        double[] acc = new double[seeds.size()];
        double[] secs = new double[seeds.size()];
        TrainedModel last = null;
        for (int i = 0; i < seeds.size(); i++) {
            TrainingService.Trained trained = service.train(model, seeds.get(i), train, m -> { });
            ModelSpec spec = trained.spec();
            last = trained.model();
            secs[i] = trained.seconds();
            acc[i] = TrainingService.evaluate(last, test).metrics().accuracy();
            int steps = spec.parameters().has("epochs") && spec.parameters().has("batchSize")
                    ? spec.getInt("epochs") * (int) Math.ceil(train.size() / (double) spec.getInt("batchSize")) : 0;
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
}
