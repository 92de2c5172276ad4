package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;

import dev.digits.experiment.results.CellConfiguration;
import dev.digits.experiment.results.CellResult;
import dev.digits.recognition.provenance.ResultsJson;
import dev.digits.recognition.provenance.Provenance;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.engine.ExecutionEngine;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ConditionConfig;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.SpeechCommandsFolder;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.features.FeatureCache;
import dev.digits.core.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs an experiment on an engine (local or a plugin such as spark): plans the grid, has the engine extract
 * features once per extractor (through the feature cache) and train and evaluate every cell, and writes each
 * finished cell at once and atomically to
 * {@code DIR/cells/}. A failing cell is recorded with its error and the others go on.
 */
public final class ExperimentRunner {
    private final Plugins plugins;
    private final DatasetLocator locator;
    private final Console console;

    public ExperimentRunner(Plugins plugins, DatasetLocator locator, Console console) {
        this.plugins = plugins;
        this.locator = locator;
        this.console = console;
    }

    /** What a run produced: every cell's result (new and resumed), in plan order. */
    public record Outcome(List<CellResult> runs, int ran, int resumed, int failed,
                          Map<String, String> engine) {
    }

    /** Runs on the engine the experiment file names ({@code local} when it names none). */
    public Outcome run(ExperimentConfig config, Path outDir, boolean resume) throws Exception {
        return run(config, config.engine(), outDir, resume);
    }

    /**
     * Runs the experiment on the given engine: extraction and cells there, results written here as each cell
     * finishes.
     */
    public Outcome run(ExperimentConfig config, EngineSettings engineSettings, Path outDir, boolean resume)
            throws Exception {
        PrintStream err = console.err();
        Path root = resolveDataset(config);
        ExperimentPlan plan = ExperimentPlan.of(config, plugins, root);
        printPlan(config, plan.corpus(), plan.protocol(), plan.folds(), plan.cells(), plan.skipped(), outDir);
        if (plan.cells().isEmpty()) {
            throw new IOException("no cell to run: every model/extractor pairing was skipped (see the plan above)");
        }
        Path cellsDir = Files.createDirectories(outDir.resolve("cells"));
        String datasetSha = Provenance.dataset(plan.root(), plan.layout(), plan.corpus().entries(), 0, List.of(), List.of()).sha256();
        List<CellConfiguration> configurations = plan.cells().stream().map(c -> CellKey.of(datasetSha, plan, c)).toList();
        Map<Integer, CellResult> results = new TreeMap<>();
        List<Integer> pending = resumable(plan, cellsDir, configurations, resume, results);
        int resumed = results.size();
        int[] failed = {0};
        FeatureCache cache = config.cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        ShippedExperiment shipped = new ShippedExperiment(UUID.randomUUID().toString(),
                config.source().toAbsolutePath().toString(), Files.readString(config.source()),
                root.toAbsolutePath().toString(), cache == null ? null : cache.root().toAbsolutePath().toString());
        try (ExecutionEngine engine = plugins.engines().get(engineSettings.type()).open(engineSettings, console)) {
            err.println("engine: " + engine.describe());
            if (pending.isEmpty()) {
                return new Outcome(new ArrayList<>(results.values()), 0, resumed, 0, engine.provenance());
            }
            PreparedExperiment prepared = PreparedExperiment.prepare(plan, plugins, cache, engine, shipped, err);
            shipped.register(prepared);
            long cellsStart = System.nanoTime();
            int[] finished = {0};
            try {
                engine.runCells(prepared, pending, (cell, result) -> {
                    String label = prepared.describe(cell);
                    finished[0]++;
                    CellResult recorded = result.withConfiguration(configurations.get(cell));
                    AtomicFiles.write(cellsDir.resolve(plan.cells().get(cell).id() + ".json"), ResultsJson.write(recorded));
                    results.put(cell, recorded);
                    String grid = gridStatus(finished[0], pending.size(), System.nanoTime() - cellsStart);
                    if (result.ok()) {
                        err.printf("%s: accuracy %.4f, trained in %.1f s%s%n", label, result.accuracy(),
                                result.timings().trainSeconds(), grid);
                    } else {
                        failed[0]++;
                        err.printf("%s: FAILED: %s%s%n", label, result.error(), grid);
                    }
                });
            } finally {
                shipped.release();
            }
            List<CellResult> runs = new ArrayList<>(results.values());
            return new Outcome(runs, runs.size() - resumed, resumed, failed[0], engine.provenance());
        }
    }

    /**
     * The cells to run: all, or with {@code resume} those without a finished record made with the same configuration
     * (the others are put in {@code results} and said to be skipped; stale and damaged ones are said to run again).
     */
    private List<Integer> resumable(ExperimentPlan plan, Path cellsDir, List<CellConfiguration> configurations,
                                    boolean resume, Map<Integer, CellResult> results) {
        PrintStream err = console.err();
        List<Integer> pending = new ArrayList<>();
        Map<String, Integer> staleWhy = new TreeMap<>();
        for (int i = 0; i < plan.cells().size(); i++) {
            Path file = cellsDir.resolve(plan.cells().get(i).id() + ".json");
            if (resume && Files.exists(file)) {
                CellResult previous;
                try {
                    previous = ResultsJson.read(Files.readAllBytes(file), CellResult.class, file, "cell record");
                } catch (IOException damaged) {
                    err.printf("--resume: %s; the cell runs again%n", damaged.getMessage());
                    pending.add(i);
                    continue;
                }
                List<String> differences = configurations.get(i).differencesFrom(previous.configuration());
                if (previous.ok() && differences.isEmpty()) {
                    results.put(i, previous);
                    err.printf("[%d/%d] %s: done before, skipped (--resume)%n", i + 1, plan.cells().size(),
                            plan.cells().get(i).describe());
                    continue;
                }
                if (previous.ok()) {
                    String why = previous.configuration() == null ? "written before configurations were recorded"
                            : String.join(", ", differences) + " changed";
                    staleWhy.merge(why, 1, Integer::sum);
                }
            }
            pending.add(i);
        }
        if (!staleWhy.isEmpty()) {
            int stale = staleWhy.values().stream().mapToInt(Integer::intValue).sum();
            err.printf("--resume: %d finished cells are stale and run again (%s)%n", stale,
                    staleWhy.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        return pending;
    }

    /** How far the grid of cells is, with an estimate of the time left (empty for the last cell). */
    static String gridStatus(int finished, int total, long elapsedNanos) {
        if (finished >= total) {
            return "";
        }
        long left = Math.round(elapsedNanos / 1e9 / finished * (total - finished));
        return String.format(" (%d of %d cells done, about %d:%02d left)", finished, total, left / 60, left % 60);
    }

    /** The folder of the experiment's dataset (by name through the locator, or its path). */
    public Path resolveDataset(ExperimentConfig config) throws IOException {
        if (config.dataset().name() != null) {
            return locator.locate(config.dataset().name());
        }
        Path p = ExperimentConfig.DatasetRef.folder(config.dataset().path(), config.source());
        if (!Files.isDirectory(p)) {
            throw new IOException("dataset folder " + config.dataset().path() + " does not exist");
        }
        return p;
    }

    /** A line for each Speech Commands copy in the experiment that is only part of the dataset. */
    private static List<String> partialCopies(ExperimentConfig config, Corpus corpus) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        SpeechCommandsFolder.partial(corpus).ifPresent(lines::add);
        List<String> more = new java.util.ArrayList<>(config.dataset().include());
        more.addAll(config.dataset().extraTraining());
        for (String source : more) {
            Path folder = ExperimentConfig.DatasetRef.source(source, config.source());
            if (CorpusLayout.detect(folder) == CorpusLayout.SPEECH_COMMANDS) {
                SpeechCommandsFolder.partial(Corpus.open(folder)).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private void printPlan(ExperimentConfig config, Corpus corpus, SplitProtocol protocol, List<Fold> folds,
                           List<Cell> cells, List<String> skipped, Path outDir) throws IOException {
        PrintStream out = console.out();
        out.println("Experiment " + config.name() + (config.description() == null ? "" : ": " + config.description()));
        Long others = corpus.countByDigit().get(dev.digits.core.labels.DigitLabels.OTHER);
        out.printf("  dataset   %s: %d files, %d digits%s, %d speakers (%s layout)%n", corpus.root(), corpus.size(),
                corpus.countByDigit().size() - (others == null ? 0 : 1), others == null ? ""
                        : " and " + others + " clips of other words (the class ?)", corpus.countBySpeaker().size(),
                corpus.layout().id());
        for (String p : partialCopies(config, corpus)) {
            out.println("            " + p);
        }
        if (!config.dataset().include().isEmpty()) {
            out.printf("            with %s, split together%n", String.join(", ", config.dataset().include()));
        }
        if (!config.dataset().extraTraining().isEmpty()) {
            out.printf("            of which training only (never tested): the files of %s%n",
                    String.join(", ", config.dataset().extraTraining()));
        }
        Map<String, String> foldSizes = new TreeMap<>();
        for (Fold f : folds) {
            foldSizes.put(f.name(), f.train().length + " train / " + f.test().length + " test");
        }
        out.printf("  protocol  %s %s: %d fold%s (%s)%n", protocol.type(), protocol.settings().isEmpty() ? "" : protocol.settings(),
                folds.size(), folds.size() == 1 ? "" : "s", folds.size() <= 6 ? foldSizes.toString()
                        : folds.get(0).train().length + " train / " + folds.get(0).test().length + " test in the first");
        out.printf("  seeds     %s%n", config.seeds());
        out.printf("  models    %s%n", config.models().stream().map(m -> m.id() + " (" + m.backend() + " " + m.type()
                + (m.ensemble() > 1 ? ", ensemble of " + m.ensemble() + " seeds" : "") + ")").toList());
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
