package dev.digits.experiment.report;

import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.metrics.Significance;

import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.CellResult.ConditionScore;
import dev.digits.experiment.results.CellResult.EpochRecord;
import dev.digits.recognition.provenance.ResultsJson;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.digits.experiment.report.Charts;
import dev.digits.core.io.AtomicFiles;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes what a run leaves behind: {@code results.json} (the contract other tools read), {@code results.csv},
 * and a report a person reads ({@code report.html} and {@code report.md}) with PNG plots beside it.
 */
public final class ReportWriter {
    private static final String[] CSV_COLUMNS = {"extractor", "backend", "model", "augmentation", "modelType", "protocol",
            "fold", "seed", "status", "accuracy", "macroPrecision", "macroRecall", "macroF1", "trainSeconds",
            "extractMillisPerClip", "predictMillisPerClip", "conditions", "error"};

    /** Runs of one model on one extractor, over folds and seeds. */
    record Group(String key, String model, String extractor, String backend, List<CellResult> runs) {
        List<CellResult> ok() {
            return runs.stream().filter(CellResult::ok).toList();
        }

        /** The mean of a field over the successful runs. */
        double mean(ToDoubleFunction<CellResult> field) {
            return ok().stream().mapToDouble(field).average().orElse(Double.NaN);
        }

        /** The sample standard deviation of a field over the successful runs (0 for fewer than two). */
        double std(ToDoubleFunction<CellResult> field) {
            List<CellResult> ok = ok();
            if (ok.size() < 2) {
                return 0;
            }
            double m = mean(field);
            double s = ok.stream().mapToDouble(r -> Math.pow(field.applyAsDouble(r) - m, 2)).sum();
            return Math.sqrt(s / (ok.size() - 1));
        }
    }

    /** results.json: the experiment as configured and every cell's result. */
    public record ResultsDocument(ExperimentSummary experiment, List<CellResult> runs) {
    }

    /** The experiment as results.json describes it, with the engine that ran the cells. */
    public record ExperimentSummary(String name, String description, String file, String dataset,
                                    ExperimentConfig.ProtocolConfig protocol, List<Long> seeds,
                                    List<ExperimentConfig.ExtractorConfig> extractors,
                                    List<ExperimentConfig.ModelConfig> models,
                                    List<ExperimentConfig.AugmentationConfig> augmentations,
                                    List<ExperimentConfig.ConditionConfig> testConditions, Map<String, String> engine) {
    }

    /** A comparison of one group against the best. */
    record Test(String name, double p, String note) {
    }

    public Path write(ExperimentConfig config, List<CellResult> runs, Path dir) throws IOException {
        return write(config, runs, config.engine().describe(), dir);
    }

    /** Writes results.json (recording {@code engine}, what ran the cells), results.csv and report.html. */
    public Path write(ExperimentConfig config, List<CellResult> runs, Map<String, String> engine, Path dir)
            throws IOException {
        ExperimentSummary experiment = new ExperimentSummary(config.name(), config.description(),
                config.source().toString(), config.dataset().describe(), config.protocol(), config.seeds(),
                config.extractors(), config.models(), config.augmentations(), config.testConditions(), engine);
        AtomicFiles.write(dir.resolve("results.json"), ResultsJson.write(new ResultsDocument(experiment, runs)));
        AtomicFiles.write(dir.resolve("results.csv"), csv(runs).getBytes(StandardCharsets.UTF_8));

        List<Group> groups = groups(runs);
        Group best = groups.stream().filter(g -> !g.ok().isEmpty())
                .max((a, b) -> Double.compare(a.mean(CellResult::accuracy), b.mean(CellResult::accuracy))).orElse(null);
        Map<String, Test> tests = new LinkedHashMap<>();
        for (Group g : groups) {
            if (best != null && g != best && !g.ok().isEmpty()) {
                tests.put(g.key(), test(best, g));
            }
        }
        plots(groups, dir);
        ReportDocument report = ReportDocument.build(config, groups, best, tests, dir);
        AtomicFiles.write(dir.resolve("report.md"), report.markdown().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(dir.resolve("report.html"), report.html().getBytes(StandardCharsets.UTF_8));
        return dir.resolve("report.html");
    }

    static List<Group> groups(List<CellResult> runs) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CellResult r : runs) {
            String aug = r.augmentation();
            String model = aug == null || "none".equals(aug) ? r.model() : r.model() + " + " + aug;
            String key = model + " @ " + r.extractor();
            groups.computeIfAbsent(key, k -> new Group(k, model, r.extractor(), r.backend(), new ArrayList<>())).runs().add(r);
        }
        return new ArrayList<>(groups.values());
    }

    /** McNemar on one shared test set; a paired permutation test over matched folds and seeds. */
    static Test test(Group best, Group other) {
        Map<String, CellResult> bestRuns = new TreeMap<>();
        for (CellResult r : best.ok()) {
            bestRuns.put(r.fold() + "/" + r.seed(), r);
        }
        List<double[]> pairs = new ArrayList<>();
        CellResult lastBest = null;
        CellResult lastOther = null;
        for (CellResult r : other.ok()) {
            CellResult b = bestRuns.get(r.fold() + "/" + r.seed());
            if (b != null) {
                pairs.add(new double[] {b.accuracy(), r.accuracy()});
                lastBest = b;
                lastOther = r;
            }
        }
        if (pairs.isEmpty()) {
            return new Test("none", Double.NaN, "no run shares a fold and seed with the best");
        }
        if (pairs.size() == 1) {
            String a = lastBest.testCorrect();
            String b = lastOther.testCorrect();
            if (a == null || b == null || a.length() != b.length()) {
                return new Test("none", Double.NaN, "per-example results missing");
            }
            boolean[] x = new boolean[a.length()];
            boolean[] y = new boolean[b.length()];
            for (int i = 0; i < x.length; i++) {
                x[i] = a.charAt(i) == '1';
                y[i] = b.charAt(i) == '1';
            }
            return new Test("McNemar", Significance.mcnemar(x, y), "one split, one seed: McNemar on its " + x.length
                    + " test examples");
        }
        double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
        return new Test("paired permutation", Significance.pairedPermutation(a, b), pairs.size()
                + " matched fold/seed pairs");
    }

    private static void plots(List<Group> groups, Path dir) throws IOException {
        List<Group> ok = groups.stream().filter(g -> !g.ok().isEmpty()).toList();
        if (!ok.isEmpty()) {
            List<String> labels = ok.stream().map(Group::key).toList();
            double[] means = ok.stream().mapToDouble(g -> g.mean(CellResult::accuracy) * 100).toArray();
            double[] stds = ok.stream().mapToDouble(g -> g.std(CellResult::accuracy) * 100).toArray();
            double lo = Math.max(0, Math.floor(java.util.Arrays.stream(means).min().orElse(0) / 10) * 10 - 10);
            Charts.bars(dir.resolve("accuracy.png"), "Test accuracy (mean and std over folds and seeds)",
                    "accuracy (%)", labels, means, stds, lo, 100);
        }
        for (Group g : ok) {
            int classes = g.ok().get(0).confusion().length;
            int[][] sum = new int[classes][classes];
            for (CellResult r : g.ok()) {
                int[][] c = r.confusion();
                for (int t = 0; t < classes; t++) {
                    for (int p = 0; p < classes; p++) {
                        sum[t][p] += c[t][p];
                    }
                }
            }
            String name = slug(g.key());
            Charts.confusion(dir.resolve("confusion-" + name + ".png"), "Confusion: " + g.key()
                    + (g.ok().size() > 1 ? " (sum of " + g.ok().size() + " runs)" : ""), sum);
            List<EpochRecord> epochs = g.ok().get(0).epochs();
            if (epochs != null && epochs.size() > 1) {
                XYSeriesCollection c = new XYSeriesCollection();
                Map<String, Function<EpochRecord, Double>> fields = new LinkedHashMap<>();
                fields.put("trainLoss", EpochRecord::trainLoss);
                fields.put("validationLoss", EpochRecord::validationLoss);
                fields.put("trainAccuracy", EpochRecord::trainAccuracy);
                fields.put("validationAccuracy", EpochRecord::validationAccuracy);
                for (Map.Entry<String, Function<EpochRecord, Double>> field : fields.entrySet()) {
                    XYSeries s = new XYSeries(field.getKey());
                    for (EpochRecord e : epochs) {
                        Double v = field.getValue().apply(e);
                        if (v != null) {
                            s.add(e.epoch(), v);
                        }
                    }
                    if (s.getItemCount() > 0) {
                        c.addSeries(s);
                    }
                }
                Charts.lines(dir.resolve("curves-" + name + ".png"), "Learning curves: " + g.key() + " ("
                        + g.ok().get(0).fold() + ", seed " + g.ok().get(0).seed() + ")", "epoch", "loss / accuracy", c);
            }
        }
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String csv(List<CellResult> runs) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (CellResult r : runs) {
            Object[] values = {r.extractor(), r.backend(), r.model(), r.augmentation(), r.modelType(), r.protocol(),
                    r.fold(), r.seed(), r.status(), r.accuracy(), r.macroPrecision(), r.macroRecall(), r.macroF1(),
                    r.trainSeconds(), r.extractMillisPerClip(), r.predictMillisPerClip(), conditionsText(r.conditions()),
                    r.error()};
            List<String> cells = new ArrayList<>();
            for (Object v : values) {
                String text = v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : v.toString();
                if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
                    text = "\"" + text.replace("\"", "\"\"") + "\"";
                }
                cells.add(text);
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    private static String conditionsText(List<ConditionScore> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return null;
        }
        return String.join(";", conditions.stream().map(c -> c.id() + "=" + String.format(Locale.ROOT, "%.6f",
                c.accuracy())).toList());
    }

    /** Mean accuracy of a group's successful runs under one test condition ({@code clean}: the plain test set). */
    static double conditionMean(Group g, String condition) {
        return conditionValues(g, condition).average().orElse(Double.NaN);
    }

    static double conditionStd(Group g, String condition) {
        double[] v = conditionValues(g, condition).toArray();
        if (v.length < 2) {
            return 0;
        }
        double m = java.util.Arrays.stream(v).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static java.util.stream.DoubleStream conditionValues(Group g, String condition) {
        if (condition.equals("clean")) {
            return g.ok().stream().mapToDouble(CellResult::accuracy);
        }
        return g.ok().stream().flatMap(r -> r.conditions() == null ? java.util.stream.Stream.empty() : r.conditions().stream())
                .filter(c -> condition.equals(c.id())).mapToDouble(ConditionScore::accuracy);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v * 100);
    }

    static TreeSet<String> folds(List<Group> groups) {
        TreeSet<String> folds = new TreeSet<>();
        groups.forEach(g -> g.runs().forEach(r -> folds.add(r.fold())));
        return folds;
    }
}
