package dev.digits.experiment.run;

import dev.digits.experiment.training.TrainingSets;
import dev.digits.experiment.metrics.ClassificationMetrics;
import dev.digits.experiment.metrics.OpenSetMetrics;
import dev.digits.experiment.results.OpenSetScores;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.experiment.config.ExperimentConfig;

import dev.digits.experiment.console.ProgressLine;
import dev.digits.api.params.Parameters;

import dev.digits.experiment.Plugins;
import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.CellResult.ConditionScore;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.recognition.provenance.RunProvenance.AugmentationProvenance;
import dev.digits.recognition.provenance.RunProvenance.ConditionProvenance;
import dev.digits.recognition.provenance.RunProvenance.DatasetProvenance;
import dev.digits.recognition.provenance.RunProvenance.ExtractorProvenance;
import dev.digits.recognition.provenance.RunProvenance.ModelProvenance;
import dev.digits.recognition.provenance.RunProvenance.SoftwareProvenance;
import dev.digits.recognition.provenance.RunProvenance.SplitProvenance;
import dev.digits.recognition.provenance.Provenance;
import dev.digits.experiment.training.TrainingService;
import dev.digits.experiment.engine.CellWork;
import dev.digits.experiment.engine.ExecutionEngine;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment with every feature it needs in memory (clean, augmented copies, test conditions), ready to
 * train and evaluate any of its cells: the driver builds one after the extraction, and a remote worker builds
 * its own from a {@link ShippedExperiment} (reading the features from the shared cache).
 */
public final class PreparedExperiment implements CellWork {
    private final ExperimentPlan plan;
    private final Plugins plugins;
    private final List<CorpusEntry> usable;
    private final List<Fold> folds;
    private final Map<String, Map<Path, Features>> byPath;
    private final Map<String, Double> extractMillis;
    private final DatasetProvenance dataset;
    private final TrainingService training;
    private final int numClasses;
    /** The dataset each clip came from, for open-set figures by speaker group. */
    private final SpeakerGroups groups;
    private final TransformedFeatures transformed;
    private final ShippedExperiment shipped;
    private final PrintStream err;

    private PreparedExperiment(ExperimentPlan plan, Plugins plugins, List<CorpusEntry> usable, List<Fold> folds,
                               Map<String, Map<Path, Features>> byPath, Map<String, Double> extractMillis,
                               DatasetProvenance dataset, TransformedFeatures transformed, ShippedExperiment shipped,
                               SpeakerGroups groups, PrintStream err) {
        this.plan = plan;
        this.groups = groups;
        this.plugins = plugins;
        this.usable = usable;
        this.folds = folds;
        this.byPath = byPath;
        this.extractMillis = extractMillis;
        this.dataset = dataset;
        this.training = new TrainingService(plugins);
        this.numClasses = TrainingService.numClasses(usable);
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
            cf.warnings().stream().limit(10).forEach(w -> err.println("  warning: " + w));
            if (cf.warnings().size() > 10) {
                err.println("  ... and " + (cf.warnings().size() - 10) + " more warnings");
            }
            cf.damagedCacheEntries().forEach(d -> err.println("  damaged cache entry recomputed: " + d));
            cf.cacheWarning().ifPresent(err::println);
            features.put(e.id(), cf);
            if (plan.folds().stream().anyMatch(f -> f.test().length > 0)) { // digits train tests nothing
                extractMillis.put(e.id(), timeExtraction(extractor, corpus));
            }
        }
        // clips every extractor could read, in corpus order; the planned folds keep them (a protocol run again on
        // fewer clips could split differently: a speaker-kfold that lost a speaker's only clip shuffles anew)
        List<CorpusEntry> usable = new ArrayList<>(corpus.entries());
        for (CorpusFeatures cf : features.values()) {
            usable.retainAll(cf.entries());
        }
        List<Fold> folds = usable.size() < corpus.size() ? without(plan.folds(), corpus.entries(), usable) : plan.folds();
        List<BadFile> skipped = new ArrayList<>();
        features.values().forEach(cf -> cf.badFiles().stream().filter(b -> !corpus.badFiles().contains(b))
                .forEach(skipped::add));
        DataLossCheck.check(corpus.size(), usable.size(), skipped, plan.folds(), folds);
        Map<String, Map<Path, Features>> byPath = new HashMap<>();
        for (Map.Entry<String, CorpusFeatures> e : features.entrySet()) {
            Map<Path, Features> m = new HashMap<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                m.put(e.getValue().entries().get(i).path(), e.getValue().features().get(i));
            }
            byPath.put(e.getKey(), m);
        }
        DatasetProvenance dataset = Provenance.dataset(plan.root(), plan.layout(), inFolds(usable, folds),
                corpus.size() - usable.size() + corpus.badFiles().size(), config.dataset().extraTraining(),
                config.dataset().include());
        TransformedFeatures transformed = TransformedFeatures.extract(config, plan.extractors(), plan.pipelines(),
                plan.conditions(), plan.cells(), corpus, usable, folds, cache, threads, progress, err);
        return new PreparedExperiment(plan, plugins, usable, folds, byPath, extractMillis, dataset, transformed, shipped,
                SpeakerGroups.of(config, plan.root()), err);
    }

    /** The clips some fold trains or tests on, in corpus order: what the cells' provenance hashes. */
    private static List<CorpusEntry> inFolds(List<CorpusEntry> usable, List<Fold> folds) {
        java.util.BitSet used = new java.util.BitSet(usable.size());
        for (Fold f : folds) {
            Arrays.stream(f.train()).forEach(used::set);
            Arrays.stream(f.test()).forEach(used::set);
        }
        return used.stream().mapToObj(usable::get).toList();
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
    public CellResult run(int index, boolean showProgress) {
        Cell cell = plan.cells().get(index);
        String id = cell.extractor().id();
        CellData data = data(cell);
        ProgressLine progress = new ProgressLine(showProgress ? err : new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        return runCell(cell, folds.get(cell.fold()), data, plan.extractors().get(id), extractMillis.get(id),
                describe(index), progress);
    }

    @Override
    public CellResult failed(int index, String error) {
        Cell cell = plan.cells().get(index);
        return failedResult(cell, error, null, RunProvenance.failedEarly(plan.config().name(),
                plan.config().source().toString(), cell.seed()));
    }

    /** A failed cell's record: its identity, the error, no scores. */
    private CellResult failedResult(Cell cell, String error, Double extractMillisPerClip, RunProvenance provenance) {
        return CellResult.failed(identity(cell), error, extractMillisPerClip, provenance);
    }

    /** Which cell a result is of, as results.json names it. */
    private CellResult.Identity identity(Cell cell) {
        return new CellResult.Identity(cell.id(), cell.extractor().id(), cell.model().backend(), cell.model().id(),
                cell.augmentation().id(), cell.model().type(), plan.protocol().type(), cell.foldName(), cell.seed());
    }

    /** The features one cell uses: clean, augmented training copies, and test clips under each condition. */
    private record CellData(Map<Path, Features> clean, List<Map<Path, Features>> copies,
                            AugmentationPipelines.Built augmentation, Map<String, Map<Path, Features>> conditions,
                            Map<String, AugmentationPipelines.Built> conditionPipelines) {
    }

    /** What every cell's provenance records before training: the config as resolved, the data and the split. */
    private RunProvenance provenanceBeforeTraining(Cell cell, Fold fold, CellData data, FeatureExtractor extractor,
                                                   Instant start, ModelProvenance model, SoftwareProvenance software)
            throws IOException {
        ExtractorProvenance extractorProvenance = Provenance.extractor(cell.extractor().id(), extractor);
        ExperimentConfig config = plan.config();
        SplitProtocol protocol = plan.protocol();
        Map<String, ConditionProvenance> conditions = null;
        if (!data.conditionPipelines().isEmpty()) {
            conditions = new LinkedHashMap<>();
            for (Map.Entry<String, AugmentationPipelines.Built> c : data.conditionPipelines().entrySet()) {
                conditions.put(c.getKey(), new ConditionProvenance(c.getValue().pipeline().seed(), c.getValue().steps()));
            }
        }
        return new RunProvenance(config.name(), config.source().toString(),
                extractorProvenance,
                dataset, new SplitProvenance(protocol.type(), Parameters.of(protocol.settings()), fold.name(), fold.train().length,
                fold.test().length),
                cell.augmentation().isNone() ? AugmentationProvenance.none() : new AugmentationProvenance(
                        cell.augmentation().id(), cell.augmentation().copies(), cell.augmentation().seed(),
                        data.augmentation().steps()),
                conditions, cell.seed(), start.toString(), model, software, null, null, null);
    }

    /**
     * A cell's model trained on its fold's training part (with its augmented copies), and the provenance of the
     * training: what {@code run} evaluates and {@code digits train} writes into a bundle.
     *
     * @param provenance up to the trained model; {@link RunProvenance#finished} adds the backend's facts
     */
    /** {@code planned} folds (indices into {@code all}) re-indexed into {@code kept}, dropping the clips not kept. */
    static List<Fold> without(List<Fold> planned, List<CorpusEntry> all, List<CorpusEntry> kept) {
        Map<CorpusEntry, Integer> index = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            index.put(kept.get(i), i);
        }
        List<Fold> folds = new ArrayList<>();
        for (Fold f : planned) {
            folds.add(new Fold(f.name(), reindexed(f.train(), all, index), reindexed(f.test(), all, index)));
        }
        return folds;
    }

    private static int[] reindexed(int[] indices, List<CorpusEntry> all, Map<CorpusEntry, Integer> index) {
        return java.util.Arrays.stream(indices).mapToObj(i -> index.get(all.get(i))).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).toArray();
    }

    public record TrainedCell(Cell cell, TrainingService.Trained trained, TrainingSet data, int clips,
                              RunProvenance provenance, Instant start) {
    }

    /** The examples cell {@code index} trains on: its fold's training clips and their augmented copies. */
    public TrainingSet trainingSet(int index) {
        Cell cell = plan.cells().get(index);
        return TrainingSets.of(usable, folds.get(cell.fold()).train(), byPath.get(cell.extractor().id()),
                data(cell).copies(), numClasses);
    }

    /** The examples cell {@code index} is tested on: its fold's test clips, as they are. */
    public TrainingSet testSet(int index) {
        Cell cell = plan.cells().get(index);
        return TrainingSets.of(usable, folds.get(cell.fold()).test(), byPath.get(cell.extractor().id()), List.of(),
                numClasses);
    }

    /**
     * The features cell {@code index} uses: the clips every extractor could read (in corpus order), their clean
     * features by path, and their augmented copies (index = copy number; empty without augmentation).
     */
    public record CellFeatures(List<CorpusEntry> entries, Map<Path, Features> clean, List<Map<Path, Features>> copies,
                               int numClasses) {
    }

    /** The features of cell {@code index}, for work that splits them its own way ({@code bench adapt}). */
    public CellFeatures features(int index) {
        CellData data = data(plan.cells().get(index));
        return new CellFeatures(usable, data.clean(), data.copies(), numClasses);
    }

    /** How many clips cell {@code index} trains on (without their augmented copies). */
    public int trainingClips(int index) {
        return folds.get(plan.cells().get(index).fold()).train().length;
    }

    /** Trains cell {@code index} on its fold's training part, telling {@code listener} of each epoch. */
    public TrainedCell train(int index, TrainingListener listener) throws IOException {
        Cell cell = plan.cells().get(index);
        return train(cell, folds.get(cell.fold()), data(cell), plan.extractors().get(cell.extractor().id()),
                Instant.now(), listener);
    }

    private TrainedCell train(Cell cell, Fold fold, CellData data, FeatureExtractor extractor, Instant start,
                              TrainingListener listener) throws IOException {
        TrainingSet train = TrainingSets.of(usable, fold.train(), data.clean(), data.copies(), numClasses);
        TrainingService.Trained trained = training.train(cell.model(), cell.seed(), train, listener);
        RunProvenance provenance = provenanceBeforeTraining(cell, fold, data, extractor, start,
                TrainingService.modelProvenance(cell.model(), trained),
                Provenance.software(trained.provider(), plugins.extractors().get(extractor.name())));
        return new TrainedCell(cell, trained, train, fold.train().length, provenance, start);
    }

    /** The features a cell uses. */
    private CellData data(Cell cell) {
        String id = cell.extractor().id();
        return new CellData(byPath.get(id), transformed.copies(id, cell.augmentation().id()),
                plan.pipelines().get(cell.augmentation().id()), transformed.conditions(id), plan.conditions());
    }

    private CellResult runCell(Cell cell, Fold fold, CellData data, FeatureExtractor extractor, double extractMs,
                               String label, ProgressLine progress) {
        Instant start = Instant.now();
        RunProvenance provenance = RunProvenance.failedEarly(plan.config().name(), plan.config().source().toString(),
                cell.seed());
        try {
            provenance = provenanceBeforeTraining(cell, fold, data, extractor, start, null, null);
            progress.start(label);
            TrainedCell t = train(cell, fold, data, extractor, start, m -> progress.update(
                    m.epoch(), m.epochs(), String.format("loss %.4f acc %.3f%s", m.trainLoss(), m.trainAccuracy(),
                            m.hasValidation() ? String.format(" val_loss %.4f val_acc %.3f", m.validationLoss(),
                                    m.validationAccuracy()) : "")));
            provenance = t.provenance();
            TrainingService.Trained trained = t.trained();
            TrainingSet test = TrainingSets.of(usable, fold.test(), data.clean(), List.of(), numClasses);
            TrainingService.Evaluation eval = TrainingService.evaluate(trained.model(), test);
            List<ConditionScore> underConditions = new ArrayList<>();
            for (Map.Entry<String, Map<Path, Features>> c : data.conditions().entrySet()) {
                TrainingSet transformed = TrainingSets.of(usable, fold.test(), c.getValue(), List.of(), numClasses);
                ClassificationMetrics cm = TrainingService.evaluate(trained.model(), transformed).metrics();
                underConditions.add(new ConditionScore(c.getKey(), cm.accuracy(), cm.macroF1()));
            }
            List<CorpusEntry> testEntries = Arrays.stream(fold.test()).mapToObj(usable::get).toList();
            List<Path> testFiles = testEntries.stream().map(CorpusEntry::path).toList();
            ClassificationMetrics metrics = eval.metrics();
            OpenSetScores openSet = !OpenSetMetrics.applies(numClasses, test.labels()) ? null : OpenSetMetrics.of(
                    eval.probabilities(), test.labels(), groups.of(testEntries),
                    new OpenSetRule(OpenSetRule.DEFAULT_MIN_CONFIDENCE));
            return CellResult.ok(identity(cell), new CellResult.Scores(metrics.accuracy(), metrics.macroPrecision(),
                            metrics.macroRecall(), metrics.macroF1(), eval.perClass(), metrics.confusion(), underConditions,
                            eval.correctness(test.labels()), eval.misclassified(test.labels(), testFiles), openSet),
                    new CellResult.Timings(t.data().size(), trained.seconds(), extractMs, eval.predictMillisPerClip(),
                            trained.epochs()),
                    provenance.finished(trained.model().provenance(), null, seconds(start)));
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failedResult(cell, e.getClass().getSimpleName() + ": " + message, extractMs,
                    provenance.finished(null, null, seconds(start)));
        }
    }

    private static double seconds(Instant start) {
        return java.time.Duration.between(start, Instant.now()).toMillis() / 1000.0;
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
}
