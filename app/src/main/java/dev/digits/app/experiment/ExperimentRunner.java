package dev.digits.app.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.digits.app.Plugins;
import dev.digits.app.cli.Console;
import dev.digits.app.experiment.ExperimentConfig.AugmentationConfig;
import dev.digits.app.experiment.ExperimentConfig.ConditionConfig;
import dev.digits.app.experiment.ExperimentConfig.ExtractorConfig;
import dev.digits.app.experiment.ExperimentConfig.ModelConfig;
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
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.LeaveOneSpeakerOut;
import dev.digits.core.dataset.OfficialSplit;
import dev.digits.core.dataset.RandomSplit;
import dev.digits.core.dataset.SpeakerKFold;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;
import dev.digits.core.io.AtomicFiles;

import java.io.IOException;
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
import java.util.TreeMap;

/**
 * Runs an experiment: extracts features once per extractor (through the feature cache), splits the corpus,
 * trains and evaluates every cell, and writes each finished cell at once and atomically to
 * {@code DIR/cells/}. A failing cell is recorded with its error and the others go on.
 */
public final class ExperimentRunner {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int NUM_CLASSES = 10;

    private final Plugins plugins;
    private final DatasetLocator locator;
    private final Console console;

    public ExperimentRunner(Plugins plugins, DatasetLocator locator, Console console) {
        this.plugins = plugins;
        this.locator = locator;
        this.console = console;
    }

    /** What a run produced: every cell's result (new and resumed), in plan order. */
    public record Outcome(List<Map<String, Object>> runs, int ran, int resumed, int failed) {
    }

    public Outcome run(ExperimentConfig config, Path outDir, boolean resume) throws IOException {
        PrintStream err = console.err();
        Path root = resolveDataset(config);
        CorpusLayout layout = config.dataset().layout() != null ? CorpusLayout.byId(config.dataset().layout())
                : CorpusLayout.detect(root);
        Corpus corpus = layout.scan(root);
        SplitProtocol protocol = protocol(config.protocol());

        Map<String, FeatureExtractor> extractors = new LinkedHashMap<>();
        for (ExtractorConfig e : config.extractors()) {
            extractors.put(e.id(), plugins.extractors().get(e.type()).create(e.params()));
        }
        AugmentationPipelines builder = new AugmentationPipelines(plugins.augmentations());
        Map<String, AugmentationPipelines.Built> pipelines = new LinkedHashMap<>();
        for (AugmentationConfig a : config.augmentations()) {
            if (!a.isNone()) {
                pipelines.put(a.id(), builder.build(a.steps(), a.seed()));
            }
        }
        Map<String, AugmentationPipelines.Built> conditions = new LinkedHashMap<>();
        for (ConditionConfig c : config.testConditions()) {
            conditions.put(c.id(), builder.build(c.steps(), c.seed()));
        }
        List<String> skipped = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<Fold> folds = protocol.folds(corpus.entries());
        for (ExtractorConfig e : config.extractors()) {
            boolean matrix = extractors.get(e.id()).producesMatrix();
            for (AugmentationConfig a : config.augmentations()) {
                if (!matrix && !a.isNone() && pipelines.get(a.id()).pipeline().hasFeatureSteps()) {
                    skipped.add(a.id() + " x " + e.id() + " (feature augmentations such as spec-augment need a matrix "
                            + "extractor, pooling: none)");
                    continue;
                }
                for (ModelConfig m : config.models()) {
                    boolean needsMatrix = "cnn".equals(m.type());
                    if (needsMatrix != matrix) {
                        if (a == config.augmentations().get(0)) {
                            skipped.add(m.id() + " x " + e.id() + " (" + (needsMatrix ? "a cnn needs a matrix extractor (pooling: none)"
                                    : m.type() + " needs a vector extractor (pooling: mean or mean-std)") + ")");
                        }
                        continue;
                    }
                    for (int f = 0; f < folds.size(); f++) {
                        for (long seed : config.seeds()) {
                            cells.add(new Cell(e, a, m, f, folds.get(f).name(), seed));
                        }
                    }
                }
            }
        }
        printPlan(config, corpus, protocol, folds, cells, skipped, outDir);
        if (cells.isEmpty()) {
            throw new IOException("no cell to run: every model/extractor pairing was skipped (see the plan above)");
        }

        // features, once per extractor
        FeatureCache cache = config.cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        int threads = Runtime.getRuntime().availableProcessors();
        Map<String, CorpusFeatures> features = new LinkedHashMap<>();
        Map<String, Double> extractMillis = new HashMap<>();
        ProgressLine progress = new ProgressLine(err);
        for (Map.Entry<String, FeatureExtractor> e : extractors.entrySet()) {
            progress.start("features " + e.getKey());
            CorpusFeatures cf = new CorpusExtraction(e.getValue(), cache, threads)
                    .run(corpus, n -> progress.update(n, corpus.size(), null));
            err.printf("features %s: %d clips (%d computed, %d from cache %s), %d bad files%n", e.getKey(), cf.size(),
                    cf.extracted(), cf.fromCache(), cache == null ? "off" : cache.root(), cf.badFiles().size());
            cf.badFiles().stream().limit(10).forEach(b -> err.println("  skipped " + b));
            cf.damagedCacheEntries().forEach(d -> err.println("  damaged cache entry recomputed: " + d));
            features.put(e.getKey(), cf);
            extractMillis.put(e.getKey(), timeExtraction(e.getValue(), corpus));
        }
        // clips every extractor could read, in corpus order; folds are recomputed on them
        List<CorpusEntry> usable = new ArrayList<>(corpus.entries());
        for (CorpusFeatures cf : features.values()) {
            usable.retainAll(cf.entries());
        }
        if (usable.size() < corpus.size()) {
            folds = protocol.folds(usable);
        }
        Map<String, Map<Path, Features>> byPath = new HashMap<>();
        for (Map.Entry<String, CorpusFeatures> e : features.entrySet()) {
            Map<Path, Features> m = new HashMap<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                m.put(e.getValue().entries().get(i).path(), e.getValue().features().get(i));
            }
            byPath.put(e.getKey(), m);
        }
        Map<String, Object> dataset = datasetProvenance(corpus, usable, root, layout);

        TransformedFeatures transformed = TransformedFeatures.extract(config, extractors, pipelines, conditions, cells,
                corpus, usable, folds, cache, threads, progress, err);

        Path cellsDir = Files.createDirectories(outDir.resolve("cells"));
        List<Map<String, Object>> results = new ArrayList<>();
        int ran = 0;
        int resumed = 0;
        int failed = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Path file = cellsDir.resolve(cell.id() + ".json");
            if (resume && Files.exists(file)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> previous = JSON.readValue(file.toFile(), Map.class);
                if ("ok".equals(previous.get("status"))) {
                    results.add(previous);
                    resumed++;
                    err.printf("[%d/%d] %s: done before, skipped (--resume)%n", i + 1, cells.size(), cell.describe());
                    continue;
                }
            }
            String label = String.format("[%d/%d] %s", i + 1, cells.size(), cell.describe());
            CellData data = new CellData(byPath.get(cell.extractor().id()),
                    transformed.copies(cell.extractor().id(), cell.augmentation().id()),
                    pipelines.get(cell.augmentation().id()), transformed.conditions(cell.extractor().id()), conditions);
            Map<String, Object> result = runCell(config, cell, folds.get(cell.fold()), usable, data,
                    extractors.get(cell.extractor().id()), extractMillis.get(cell.extractor().id()), dataset, protocol,
                    label, progress);
            AtomicFiles.write(file, JSON.writeValueAsBytes(result));
            results.add(result);
            ran++;
            if ("ok".equals(result.get("status"))) {
                err.printf("%s: accuracy %.4f, trained in %.1f s%n", label, (Double) result.get("accuracy"),
                        (Double) result.get("trainSeconds"));
            } else {
                failed++;
                err.printf("%s: FAILED: %s%n", label, result.get("error"));
            }
        }
        return new Outcome(results, ran, resumed, failed);
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
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("experiment", config.name());
        provenance.put("experimentFile", config.source().toString());
        provenance.put("extractor", ordered("id", cell.extractor().id(), "type", extractor.name(),
                "params", extractor.parameters().asMap()));
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
            Map<String, Object> rawSpec = new LinkedHashMap<>(cell.model().spec());
            if (provider.parameters(cell.model().type()).stream().anyMatch(p -> p.name().equals("seed"))) {
                rawSpec.put("seed", cell.seed());
            }
            ModelSpec spec = provider.spec(cell.model().type(), rawSpec);
            provenance.put("model", ordered("id", cell.model().id(), "backend", provider.name(), "type", spec.type(),
                    "spec", spec.parameters().asMap()));
            provenance.put("software", Provenance.software(provider, extractor));
            TrainingSet train = trainingSet(fold.train(), entries, data.clean(), data.copies());
            TrainingSet test = trainingSet(fold.test(), entries, data.clean(), List.of());
            List<Map<String, Object>> epochs = new ArrayList<>();
            progress.start(label);
            long t0 = System.nanoTime();
            TrainedModel model = provider.create(spec).train(train, m -> {
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
            r.put("status", "failed");
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            r.put("error", e.getClass().getSimpleName() + ": " + message);
            for (String k : List.of("accuracy", "macroPrecision", "macroRecall", "macroF1", "perClass", "confusion",
                    "trainSeconds", "predictMillisPerClip")) {
                r.put(k, null);
            }
            r.put("extractMillisPerClip", extractMs);
        }
        provenance.put("durationSeconds", java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0);
        r.put("provenance", provenance);
        return r;
    }

    /** A map that keeps its keys in the order given, so JSON reads in a stable, sensible order. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
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

    /** The folder of the experiment's dataset (by name through the locator, or its path). */
    public Path resolveDataset(ExperimentConfig config) throws IOException {
        if (config.dataset().name() != null) {
            return locator.locate(config.dataset().name());
        }
        Path p = Path.of(config.dataset().path());
        if (!p.isAbsolute() && config.source().getParent() != null && !Files.isDirectory(p)) {
            p = config.source().toAbsolutePath().getParent().resolve(p);
        }
        if (!Files.isDirectory(p)) {
            throw new IOException("dataset folder " + config.dataset().path() + " does not exist");
        }
        return p;
    }

    public static SplitProtocol protocol(ExperimentConfig.ProtocolConfig p) {
        Map<String, Object> s = p.settings();
        long seed = s.get("seed") instanceof Number n ? n.longValue() : 42L;
        return switch (p.type()) {
            case "official" -> new OfficialSplit();
            case "random" -> new RandomSplit(s.get("testFraction") instanceof Number n ? n.doubleValue() : 0.2, seed);
            case "leave-one-speaker-out" -> new LeaveOneSpeakerOut();
            case "speaker-kfold" -> new SpeakerKFold(((Number) s.get("k")).intValue(), seed);
            default -> throw new IllegalArgumentException("unknown protocol " + p.type());
        };
    }

    private static Map<String, Object> datasetProvenance(Corpus corpus, List<CorpusEntry> usable, Path root,
                                                         CorpusLayout layout) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (CorpusEntry e : usable) {
            listing.append(FeatureCache.sha256(Files.readAllBytes(e.path()))).append("  ")
                    .append(root.relativize(e.path())).append('\n');
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", root.toAbsolutePath().normalize().toString());
        m.put("layout", layout.id());
        m.put("files", usable.size());
        m.put("badFiles", corpus.size() - usable.size() + corpus.badFiles().size());
        m.put("sha256", FeatureCache.sha256(listing.toString().getBytes(StandardCharsets.UTF_8)));
        return m;
    }

    private void printPlan(ExperimentConfig config, Corpus corpus, SplitProtocol protocol, List<Fold> folds,
                           List<Cell> cells, List<String> skipped, Path outDir) {
        PrintStream out = console.out();
        out.println("Experiment " + config.name() + (config.description() == null ? "" : ": " + config.description()));
        out.printf("  dataset   %s: %d files, %d digits, %d speakers (%s layout)%n", corpus.root(), corpus.size(),
                corpus.countByDigit().size(), corpus.countBySpeaker().size(), corpus.layout().id());
        Map<String, String> foldSizes = new TreeMap<>();
        for (Fold f : folds) {
            foldSizes.put(f.name(), f.train().length + " train / " + f.test().length + " test");
        }
        out.printf("  protocol  %s %s: %d fold%s (%s)%n", protocol.type(), protocol.settings().isEmpty() ? "" : protocol.settings(),
                folds.size(), folds.size() == 1 ? "" : "s", folds.size() <= 6 ? foldSizes.toString()
                        : folds.get(0).train().length + " train / " + folds.get(0).test().length + " test in the first");
        out.printf("  seeds     %s%n", config.seeds());
        for (ExperimentConfig.AugmentationConfig a : config.augmentations()) {
            if (!a.isNone()) {
                out.printf("  augment   %s: %d cop%s per training clip, seed %d, steps %s%n", a.id(), a.copies(),
                        a.copies() == 1 ? "y" : "ies", a.seed(), a.steps().stream().map(st -> st.type()
                                + (st.params().isEmpty() ? "" : st.params().toString())
                                + (st.probability() < 1 ? " p=" + st.probability() : "")).toList());
            }
        }
        for (ExperimentConfig.ConditionConfig c : config.testConditions()) {
            out.printf("  test also %s: %s%n", c.id(), c.steps().stream().map(st -> st.type() + st.params()).toList());
        }
        out.printf("  cells     %d = extractor x %smodel pairs x %d folds x %d seeds%n", cells.size(),
                config.augmentations().size() > 1 ? "augmentation x " : "", folds.size(), config.seeds().size());
        for (String s : skipped) {
            out.println("  skipped   " + s);
        }
        out.println("  output    " + outDir);
        out.flush();
    }
}
