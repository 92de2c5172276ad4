package dev.digits.experiment.report;

import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.metrics.Significance;

import dev.digits.experiment.results.CellGroup;
import dev.digits.experiment.results.Summary;
import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.CellResult.ConditionScore;
import dev.digits.experiment.results.CellResult.EpochRecord;
import dev.digits.recognition.provenance.ResultsJson;
import java.util.function.Function;

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

        List<CellGroup> groups = CellGroup.of(runs);
        CellGroup best = groups.stream().filter(g -> !g.ok().isEmpty())
                .max((a, b) -> Double.compare(a.summary(CellResult::accuracy).mean(), b.summary(CellResult::accuracy).mean())).orElse(null);
        Map<String, Test> tests = new LinkedHashMap<>();
        for (CellGroup g : groups) {
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

    /** McNemar on one shared test set; a paired permutation test over matched folds and seeds. */
    static Test test(CellGroup best, CellGroup other) {
        Map<String, CellResult> bestRuns = new TreeMap<>();
        for (CellResult r : best.ok()) {
            bestRuns.put(r.identity().fold() + "/" + r.identity().seed(), r);
        }
        List<double[]> pairs = new ArrayList<>();
        CellResult lastBest = null;
        CellResult lastOther = null;
        for (CellResult r : other.ok()) {
            CellResult b = bestRuns.get(r.identity().fold() + "/" + r.identity().seed());
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
            String a = lastBest.scores().testCorrect();
            String b = lastOther.scores().testCorrect();
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

    private static void plots(List<CellGroup> groups, Path dir) throws IOException {
        OpenSetReport.plots(groups, dir);
        List<CellGroup> ok = groups.stream().filter(g -> !g.ok().isEmpty()).toList();
        if (!ok.isEmpty()) {
            List<String> labels = ok.stream().map(CellGroup::key).toList();
            double[] means = ok.stream().mapToDouble(g -> g.summary(CellResult::accuracy).mean() * 100).toArray();
            double[] stds = ok.stream().mapToDouble(g -> g.summary(CellResult::accuracy).std() * 100).toArray();
            double lo = Math.max(0, Math.floor(java.util.Arrays.stream(means).min().orElse(0) / 10) * 10 - 10);
            Charts.bars(dir.resolve("accuracy.png"), "Test accuracy (mean and std over folds and seeds)",
                    "accuracy (%)", labels, means, stds, lo, 100);
        }
        for (CellGroup g : ok) {
            int classes = g.ok().get(0).scores().confusion().length;
            int[][] sum = new int[classes][classes];
            for (CellResult r : g.ok()) {
                int[][] c = r.scores().confusion();
                for (int t = 0; t < classes; t++) {
                    for (int p = 0; p < classes; p++) {
                        sum[t][p] += c[t][p];
                    }
                }
            }
            String name = slug(g.key());
            Charts.confusion(dir.resolve("confusion-" + name + ".png"), "Confusion: " + g.key()
                    + (g.ok().size() > 1 ? " (sum of " + g.ok().size() + " runs)" : ""), sum);
            List<EpochRecord> epochs = g.ok().get(0).timings().epochs();
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
                        + g.ok().get(0).identity().fold() + ", seed " + g.ok().get(0).identity().seed() + ")", "epoch", "loss / accuracy", c);
            }
        }
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String csv(List<CellResult> runs) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (CellResult r : runs) {
            Object[] values = {r.identity().extractor(), r.identity().backend(), r.identity().model(), r.identity().augmentation(), r.identity().modelType(), r.identity().protocol(),
                    r.identity().fold(), r.identity().seed(), r.status(), r.accuracy(), r.scores().macroPrecision(), r.scores().macroRecall(), r.scores().macroF1(),
                    r.timings().trainSeconds(), r.timings().extractMillisPerClip(), r.timings().predictMillisPerClip(), conditionsText(r.scores().conditions()),
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

    /** A summary of fractions as percentages: {@code mean ± std}. */
    static String pct(Summary s) {
        return pct(s.mean()) + " ± " + pct(s.std());
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v * 100);
    }

    static TreeSet<String> folds(List<CellGroup> groups) {
        TreeSet<String> folds = new TreeSet<>();
        groups.forEach(g -> g.runs().forEach(r -> folds.add(r.identity().fold())));
        return folds;
    }
}
