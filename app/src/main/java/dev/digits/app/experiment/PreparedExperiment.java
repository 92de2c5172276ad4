package dev.digits.app.experiment;

import dev.digits.app.Plugins;
import dev.digits.app.engine.CellWork;
import dev.digits.app.engine.ExecutionEngine;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.digits.app.experiment.ExperimentRunner.ordered;

/**
 * An experiment with every feature it needs in memory (clean, augmented copies, test conditions), ready to
 * train and evaluate any of its cells: the driver builds one after the extraction, and a remote worker builds
 * its own from a {@link ShippedExperiment} (reading the features from the shared cache).
 */
public final class PreparedExperiment implements CellWork {
    private static final int NUM_CLASSES = 10;

    private final ExperimentPlan plan;
    private final Plugins plugins;
    private final List<CorpusEntry> usable;
    private final List<Fold> folds;
    private final Map<String, Map<Path, Features>> byPath;
    private final Map<String, Double> extractMillis;
    private final Map<String, Object> dataset;
    private final TransformedFeatures transformed;
    private final ShippedExperiment shipped;
    private final PrintStream err;

    private PreparedExperiment(ExperimentPlan plan, Plugins plugins, List<CorpusEntry> usable, List<Fold> folds,
                               Map<String, Map<Path, Features>> byPath, Map<String, Double> extractMillis,
                               Map<String, Object> dataset, TransformedFeatures transformed, ShippedExperiment shipped,
                               PrintStream err) {
        this.plan = plan;
        this.plugins = plugins;
        this.usable = usable;
        this.folds = folds;
        this.byPath = byPath;
        this.extractMillis = extractMillis;
        this.dataset = dataset;
        this.transformed = transformed;
        this.shipped = shipped;
        this.err = err;
    }

    /**
     * Computes (or reads from the cache) every feature the plan's cells need: the clean features of each
     * extractor on {@code engine}, then augmented copies and test conditions on this JVM's threads.
     *
     * @param shipped how a remote worker rebuilds this experiment
     */
    public static PreparedExperiment prepare(ExperimentPlan plan, Plugins plugins, FeatureCache cache,
                                             ExecutionEngine engine, ShippedExperiment shipped, PrintStream err)
            throws Exception {
        ExperimentConfig config = plan.config();
        Corpus corpus = plan.corpus();
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, CorpusFeatures> features = new LinkedHashMap<>();
        Map<String, Double> extractMillis = new HashMap<>();
        ProgressLine progress = new ProgressLine(err);
        for (ExperimentConfig.ExtractorConfig e : config.extractors()) {
            FeatureExtractor extractor = plan.extractors().get(e.id());
            progress.start("features " + e.id());
            CorpusFeatures cf = engine.extract(e, extractor, corpus, cache, n -> progress.update(n, corpus.size(), null));
            err.printf("features %s: %d clips (%d computed, %d from cache %s), %d bad files%n", e.id(), cf.size(),
                    cf.extracted(), cf.fromCache(), cache == null ? "off" : cache.root(), cf.badFiles().size());
            cf.badFiles().stream().limit(10).forEach(b -> err.println("  skipped " + b));
            cf.damagedCacheEntries().forEach(d -> err.println("  damaged cache entry recomputed: " + d));
            features.put(e.id(), cf);
            extractMillis.put(e.id(), timeExtraction(extractor, corpus));
        }
        // clips every extractor could read, in corpus order; folds are recomputed on them
        List<CorpusEntry> usable = new ArrayList<>(corpus.entries());
        for (CorpusFeatures cf : features.values()) {
            usable.retainAll(cf.entries());
        }
        List<Fold> folds = usable.size() < corpus.size() ? plan.protocol().folds(usable) : plan.folds();
        Map<String, Map<Path, Features>> byPath = new HashMap<>();
        for (Map.Entry<String, CorpusFeatures> e : features.entrySet()) {
            Map<Path, Features> m = new HashMap<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                m.put(e.getValue().entries().get(i).path(), e.getValue().features().get(i));
            }
            byPath.put(e.getKey(), m);
        }
        Map<String, Object> dataset = datasetProvenance(corpus, usable, plan.root(), plan.layout(),
                config.dataset().extraTraining());
        TransformedFeatures transformed = TransformedFeatures.extract(config, plan.extractors(), plan.pipelines(),
                plan.conditions(), plan.cells(), corpus, usable, folds, cache, threads, progress, err);
        return new PreparedExperiment(plan, plugins, usable, folds, byPath, extractMillis, dataset, transformed, shipped,
                err);
    }

    public ExperimentPlan plan() {
        return plan;
    }

    @Override
    public ShippedExperiment shipped() {
        return shipped;
    }

    @Override
    public String describe(int cell) {
        return String.format("[%d/%d] %s", cell + 1, plan.cells().size(), plan.cells().get(cell).describe());
    }

    @Override
    public Map<String, Object> run(int index, boolean showProgress) {
        Cell cell = plan.cells().get(index);
        String id = cell.extractor().id();
        CellData data = new CellData(byPath.get(id), transformed.copies(id, cell.augmentation().id()),
                plan.pipelines().get(cell.augmentation().id()), transformed.conditions(id), plan.conditions());
        ProgressLine progress = new ProgressLine(showProgress ? err : new PrintStream(OutputStream.nullOutputStream()));
        return runCell(plan.config(), cell, folds.get(cell.fold()), usable, data, plan.extractors().get(id),
                extractMillis.get(id), dataset, plan.protocol(), describe(index), progress);
    }

    @Override
    public Map<String, Object> failed(int index, String error) {
        Cell cell = plan.cells().get(index);
        Map<String, Object> r = identity(cell, plan.protocol());
        markFailed(r, error);
        r.put("provenance", ordered("experiment", plan.config().name(), "experimentFile",
                plan.config().source().toString(), "seed", cell.seed()));
        return r;
    }

    /** The fields that say which cell a record is, in results.json's order. */
    private static Map<String, Object> identity(Cell cell, SplitProtocol protocol) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cell", cell.id());
        r.put("extractor", cell.extractor().id());
        r.put("backend", cell.model().backend());
        r.put("model", cell.model().id());
        r.put("augmentation", cell.augmentation().id());
        r.put("modelType", cell.model().type());
        r.put("protocol", protocol.type());
        r.put("fold", cell.foldName());
        r.put("seed", cell.seed());
        return r;
    }

    /** Status failed with the error, and no metrics. */
    private static void markFailed(Map<String, Object> r, String error) {
        r.put("status", "failed");
        r.put("error", error);
        for (String k : List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "perClass", "confusion",
                "trainSeconds", "predictMillisPerClip")) {
            r.put(k, null);
        }
    }

    /** The features one cell uses: clean, augmented training copies, and test clips under each condition. */
    private record CellData(Map<Path, Features> clean, List<Map<Path, Features>> copies,
                            AugmentationPipelines.Built augmentation, Map<String, Map<Path, Features>> conditions,
                            Map<String, AugmentationPipelines.Built> conditionPipelines) {
    }

    private Map<String, Object> runCell(ExperimentConfig config, Cell cell, Fold fold, List<CorpusEntry> entries,
                                        CellData data, FeatureExtractor extractor, double extractMs,
                                        Map<String, Object> dataset, SplitProtocol protocol, String label,
                                        ProgressLine progress) {
        Instant start = Instant.now();
        Map<String, Object> r = identity(cell, protocol);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("experiment", config.name());
        provenance.put("experimentFile", config.source().toString());
        provenance.put("extractor", ordered("id", cell.extractor().id(), "type", extractor.name(),
                "revision", extractor.revision(), "params", extractor.parameters().asMap()));
        provenance.put("dataset", dataset);
        provenance.put("split", ordered("protocol", protocol.type(), "settings", protocol.settings(), "fold", fold.name(),
                "trainSize", fold.train().length, "testSize", fold.test().length));
        provenance.put("augmentation", cell.augmentation().isNone() ? ordered("id", "none")
                : ordered("id", cell.augmentation().id(), "copies", cell.augmentation().copies(), "seed",
                cell.augmentation().seed(), "steps", data.augmentation().steps()));
        if (!data.conditionPipelines().isEmpty()) {
            Map<String, Object> tc = new LinkedHashMap<>();
            data.conditionPipelines().forEach((id, b) -> tc.put(id, ordered("seed", b.pipeline().seed(), "steps", b.steps())));
            provenance.put("testConditions", tc);
        }
        provenance.put("seed", cell.seed());
        provenance.put("startTime", start.toString());
        try {
            ClassifierProvider provider = plugins.backends().get(cell.model().backend());
            ModelSpec spec = cell.model().resolve(provider, cell.seed());
            provenance.put("model", ordered("id", cell.model().id(), "backend", provider.name(), "type", spec.type(),
                    "spec", spec.parameters().asMap(), "ensemble", cell.model().ensemble()));
            provenance.put("software", Provenance.software(shipped.codeVersion(), provider, extractor));
            TrainingSet train = trainingSet(fold.train(), entries, data.clean(), data.copies());
            TrainingSet test = trainingSet(fold.test(), entries, data.clean(), List.of());
            List<Map<String, Object>> epochs = new ArrayList<>();
            progress.start(label);
            long t0 = System.nanoTime();
            TrainedModel model = cell.model().classifier(provider, spec).train(train, m -> {
                epochs.add(epochJson(m));
                progress.update(m.epoch(), m.epochs(), String.format("loss %.4f acc %.3f%s", m.trainLoss(), m.trainAccuracy(),
                        m.hasValidation() ? String.format(" val_loss %.4f val_acc %.3f", m.validationLoss(), m.validationAccuracy()) : ""));
            });
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            long p0 = System.nanoTime();
            float[][] probs = model.predictProbabilities(test.features());
            double predictMs = (System.nanoTime() - p0) / 1e6 / Math.max(1, test.size());
            int[] predicted = new int[probs.length];
            for (int i = 0; i < probs.length; i++) {
                predicted[i] = argmax(probs[i], -1);
            }
            ClassificationMetrics metrics = ClassificationMetrics.of(test.labels(), predicted, NUM_CLASSES);
            r.put("status", "ok");
            r.put("error", null);
            r.put("accuracy", metrics.accuracy());
            r.put("macroPrecision", metrics.macroPrecision());
            r.put("macroRecall", metrics.macroRecall());
            r.put("macroF1", metrics.macroF1());
            List<Map<String, Object>> perClass = new ArrayList<>();
            for (ClassificationMetrics.PerClass pc : metrics.perClass()) {
                perClass.add(ordered("digit", pc.label(), "precision", pc.precision(), "recall", pc.recall(), "f1", pc.f1(),
                        "support", pc.support()));
            }
            r.put("perClass", perClass);
            r.put("confusion", metrics.confusion());
            r.put("trainExamples", train.size());
            r.put("trainSeconds", trainSeconds);
            r.put("extractMillisPerClip", extractMs);
            r.put("predictMillisPerClip", predictMs);
            r.put("epochs", epochs);
            StringBuilder correct = new StringBuilder();
            List<Map<String, Object>> wrong = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                boolean ok = predicted[i] == test.labels()[i];
                correct.append(ok ? '1' : '0');
                if (!ok) {
                    int second = argmax(probs[i], predicted[i]);
                    wrong.add(ordered("file", entries.get(fold.test()[i]).path().toString(), "true", test.labels()[i],
                            "predicted", predicted[i], "top2", List.of(
                                    ordered("digit", predicted[i], "p", probs[i][predicted[i]]),
                                    ordered("digit", second, "p", probs[i][second]))));
                }
            }
            List<Map<String, Object>> underConditions = new ArrayList<>();
            for (Map.Entry<String, Map<Path, Features>> c : data.conditions().entrySet()) {
                TrainingSet transformed = trainingSet(fold.test(), entries, c.getValue(), List.of());
                float[][] cp = model.predictProbabilities(transformed.features());
                int[] cpred = new int[cp.length];
                for (int i = 0; i < cp.length; i++) {
                    cpred[i] = argmax(cp[i], -1);
                }
                ClassificationMetrics cm = ClassificationMetrics.of(transformed.labels(), cpred, NUM_CLASSES);
                underConditions.add(ordered("id", c.getKey(), "accuracy", cm.accuracy(), "macroF1", cm.macroF1()));
            }
            r.put("conditions", underConditions);
            r.put("testCorrect", correct.toString());
            r.put("misclassified", wrong);
            provenance.put("backend", model.provenance());
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            markFailed(r, e.getClass().getSimpleName() + ": " + message);
            r.put("extractMillisPerClip", extractMs);
        }
        provenance.put("durationSeconds", java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0);
        r.put("provenance", provenance);
        return r;
    }

    private static Map<String, Object> epochJson(EpochMetrics m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", m.epoch());
        e.put("trainLoss", finite(m.trainLoss()));
        e.put("trainAccuracy", finite(m.trainAccuracy()));
        e.put("validationLoss", finite(m.validationLoss()));
        e.put("validationAccuracy", finite(m.validationAccuracy()));
        return e;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /**
     * The clips {@code idx}, each followed by its augmented copies (a copy that could not be made is left out; the
     * extraction reported it).
     */
    private static TrainingSet trainingSet(int[] idx, List<CorpusEntry> entries, Map<Path, Features> features,
                                           List<Map<Path, Features>> copies) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int[] shape = null;
        for (int index : idx) {
            CorpusEntry e = entries.get(index);
            List<Features> versions = new ArrayList<>();
            Features clean = features.get(e.path());
            if (clean == null) {
                throw new IllegalStateException("no features for " + e.path() + " (see the messages above)");
            }
            versions.add(clean);
            for (Map<Path, Features> copy : copies) {
                if (copy.get(e.path()) != null) {
                    versions.add(copy.get(e.path()));
                }
            }
            for (Features f : versions) {
                if (shape == null) {
                    shape = f.shape();
                } else if (!Arrays.equals(shape, f.shape())) {
                    throw new IllegalArgumentException("features of different shapes: " + Arrays.toString(shape) + " and "
                            + Arrays.toString(f.shape()) + " (" + e.path() + "); a matrix extractor needs frames: N for a cnn");
                }
                x.add(f.values());
                y.add(e.digit());
            }
        }
        return new TrainingSet(x.toArray(new float[0][]), shape == null ? new int[] {0} : shape,
                y.stream().mapToInt(Integer::intValue).toArray(), NUM_CLASSES);
    }

    private static int argmax(float[] p, int exclude) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != exclude && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Mean fresh extraction time per clip (decode + features, one thread) over up to 200 clips, after two warm-up
     * passes over the same clips (compilation, FFT plans): meaningful even when every feature came from the cache.
     */
    private static double timeExtraction(FeatureExtractor extractor, Corpus corpus) {
        List<CorpusEntry> sample = corpus.entries().subList(0, Math.min(200, corpus.size()));
        timePass(extractor, sample);
        timePass(extractor, sample);
        return timePass(extractor, sample);
    }

    private static double timePass(FeatureExtractor extractor, List<CorpusEntry> sample) {
        long t0 = System.nanoTime();
        int n = 0;
        for (CorpusEntry e : sample) {
            try {
                extractor.extract(WavReader.readClip(e.path()));
                n++;
            } catch (IOException | RuntimeException ex) {
                // bad files are reported by the extraction itself
            }
        }
        return n == 0 ? 0 : (System.nanoTime() - t0) / 1e6 / n;
    }

    private static Map<String, Object> datasetProvenance(Corpus corpus, List<CorpusEntry> usable, Path root,
                                                         CorpusLayout layout, List<String> extraTraining)
            throws IOException {
        StringBuilder listing = new StringBuilder();
        for (CorpusEntry e : usable) {
            // training-only files outside the dataset by name, so the digest does not depend on where folders are
            listing.append(FeatureCache.sha256(Files.readAllBytes(e.path()))).append("  ")
                    .append(e.path().startsWith(root) ? root.relativize(e.path()) : "extra/" + e.path().getFileName())
                    .append('\n');
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", root.toAbsolutePath().normalize().toString());
        m.put("layout", layout.id());
        m.put("files", usable.size());
        m.put("badFiles", corpus.size() - usable.size() + corpus.badFiles().size());
        m.put("sha256", FeatureCache.sha256(listing.toString().getBytes(StandardCharsets.UTF_8)));
        if (!extraTraining.isEmpty()) {
            m.put("extraTraining", extraTraining);
        }
        return m;
    }
}
