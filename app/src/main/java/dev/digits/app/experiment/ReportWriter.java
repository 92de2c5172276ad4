package dev.digits.app.experiment;

import dev.digits.app.plots.Charts;
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
    record Group(String key, String model, String extractor, String backend, List<Map<String, Object>> runs) {
        List<Map<String, Object>> ok() {
            return runs.stream().filter(r -> "ok".equals(r.get("status"))).toList();
        }

        double mean(String field) {
            return ok().stream().mapToDouble(r -> ((Number) r.get(field)).doubleValue()).average().orElse(Double.NaN);
        }

        double std(String field) {
            List<Map<String, Object>> ok = ok();
            if (ok.size() < 2) {
                return 0;
            }
            double m = mean(field);
            double s = ok.stream().mapToDouble(r -> Math.pow(((Number) r.get(field)).doubleValue() - m, 2)).sum();
            return Math.sqrt(s / (ok.size() - 1));
        }
    }

    /** A comparison of one group against the best. */
    record Test(String name, double p, String note) {
    }

    public Path write(ExperimentConfig config, List<Map<String, Object>> runs, Path dir) throws IOException {
        return write(config, runs, config.engine().describe(), dir);
    }

    /** Writes results.json (recording {@code engine}, what ran the cells), results.csv and report.html. */
    public Path write(ExperimentConfig config, List<Map<String, Object>> runs, Map<String, Object> engine, Path dir)
            throws IOException {
        Map<String, Object> experiment = new LinkedHashMap<>();
        experiment.put("name", config.name());
        experiment.put("description", config.description());
        experiment.put("file", config.source().toString());
        experiment.put("dataset", config.dataset().describe());
        experiment.put("protocol", Map.of("type", config.protocol().type(), "settings", config.protocol().settings()));
        experiment.put("seeds", config.seeds());
        experiment.put("extractors", config.extractors());
        experiment.put("models", config.models());
        experiment.put("augmentations", config.augmentations());
        experiment.put("testConditions", config.testConditions());
        experiment.put("engine", engine);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("experiment", experiment);
        doc.put("runs", runs);
        AtomicFiles.write(dir.resolve("results.json"), ExperimentRunner.JSON.writeValueAsBytes(doc));
        AtomicFiles.write(dir.resolve("results.csv"), csv(runs).getBytes(StandardCharsets.UTF_8));

        List<Group> groups = groups(runs);
        Group best = groups.stream().filter(g -> !g.ok().isEmpty())
                .max((a, b) -> Double.compare(a.mean("accuracy"), b.mean("accuracy"))).orElse(null);
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

    static List<Group> groups(List<Map<String, Object>> runs) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : runs) {
            Object aug = r.get("augmentation");
            String model = aug == null || "none".equals(aug) ? (String) r.get("model") : r.get("model") + " + " + aug;
            String key = model + " @ " + r.get("extractor");
            groups.computeIfAbsent(key, k -> new Group(k, model, (String) r.get("extractor"),
                    (String) r.get("backend"), new ArrayList<>())).runs().add(r);
        }
        return new ArrayList<>(groups.values());
    }

    /** McNemar on one shared test set; a paired permutation test over matched folds and seeds. */
    static Test test(Group best, Group other) {
        Map<String, Map<String, Object>> bestRuns = new TreeMap<>();
        for (Map<String, Object> r : best.ok()) {
            bestRuns.put(r.get("fold") + "/" + r.get("seed"), r);
        }
        List<double[]> pairs = new ArrayList<>();
        Map<String, Object> lastBest = null;
        Map<String, Object> lastOther = null;
        for (Map<String, Object> r : other.ok()) {
            Map<String, Object> b = bestRuns.get(r.get("fold") + "/" + r.get("seed"));
            if (b != null) {
                pairs.add(new double[] {((Number) b.get("accuracy")).doubleValue(), ((Number) r.get("accuracy")).doubleValue()});
                lastBest = b;
                lastOther = r;
            }
        }
        if (pairs.isEmpty()) {
            return new Test("none", Double.NaN, "no run shares a fold and seed with the best");
        }
        if (pairs.size() == 1) {
            String a = (String) lastBest.get("testCorrect");
            String b = (String) lastOther.get("testCorrect");
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
            double[] means = ok.stream().mapToDouble(g -> g.mean("accuracy") * 100).toArray();
            double[] stds = ok.stream().mapToDouble(g -> g.std("accuracy") * 100).toArray();
            double lo = Math.max(0, Math.floor(java.util.Arrays.stream(means).min().orElse(0) / 10) * 10 - 10);
            Charts.bars(dir.resolve("accuracy.png"), "Test accuracy (mean and std over folds and seeds)",
                    "accuracy (%)", labels, means, stds, lo, 100);
        }
        for (Group g : ok) {
            int[][] sum = new int[10][10];
            for (Map<String, Object> r : g.ok()) {
                @SuppressWarnings("unchecked")
                List<List<Number>> c = (List<List<Number>>) (Object) asList(r.get("confusion"));
                for (int t = 0; t < 10; t++) {
                    for (int p = 0; p < 10; p++) {
                        sum[t][p] += c.get(t).get(p).intValue();
                    }
                }
            }
            String name = slug(g.key());
            Charts.confusion(dir.resolve("confusion-" + name + ".png"), "Confusion: " + g.key()
                    + (g.ok().size() > 1 ? " (sum of " + g.ok().size() + " runs)" : ""), sum);
            List<?> epochs = asList(g.ok().get(0).get("epochs"));
            if (epochs != null && epochs.size() > 1) {
                XYSeriesCollection c = new XYSeriesCollection();
                for (String field : new String[] {"trainLoss", "validationLoss", "trainAccuracy", "validationAccuracy"}) {
                    XYSeries s = new XYSeries(field);
                    for (Object o : epochs) {
                        Map<?, ?> e = (Map<?, ?>) o;
                        if (e.get(field) instanceof Number n) {
                            s.add(((Number) e.get("epoch")).doubleValue(), n.doubleValue());
                        }
                    }
                    if (s.getItemCount() > 0) {
                        c.addSeries(s);
                    }
                }
                Charts.lines(dir.resolve("curves-" + name + ".png"), "Learning curves: " + g.key() + " ("
                        + g.ok().get(0).get("fold") + ", seed " + g.ok().get(0).get("seed") + ")", "epoch", "loss / accuracy", c);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof int[][] m) {
            List<Object> rows = new ArrayList<>();
            for (int[] row : m) {
                List<Object> r = new ArrayList<>();
                for (int v : row) {
                    r.add(v);
                }
                rows.add(r);
            }
            return rows;
        }
        return (List<Object>) o;
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static String csv(List<Map<String, Object>> runs) {
        StringBuilder sb = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (Map<String, Object> r : runs) {
            List<String> cells = new ArrayList<>();
            for (String c : CSV_COLUMNS) {
                Object v = c.equals("conditions") ? conditionsText(r.get(c)) : r.get(c);
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

    private static String conditionsText(Object conditions) {
        if (!(conditions instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> c = (Map<?, ?>) o;
            parts.add(c.get("id") + "=" + String.format(Locale.ROOT, "%.6f", ((Number) c.get("accuracy")).doubleValue()));
        }
        return String.join(";", parts);
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
            return g.ok().stream().mapToDouble(r -> ((Number) r.get("accuracy")).doubleValue());
        }
        return g.ok().stream().flatMap(r -> r.get("conditions") instanceof List<?> l ? l.stream() : java.util.stream.Stream.empty())
                .map(o -> (Map<?, ?>) o).filter(c -> condition.equals(c.get("id")))
                .mapToDouble(c -> ((Number) c.get("accuracy")).doubleValue());
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v * 100);
    }

    static TreeSet<String> folds(List<Group> groups) {
        TreeSet<String> folds = new TreeSet<>();
        groups.forEach(g -> g.runs().forEach(r -> folds.add(String.valueOf(r.get("fold")))));
        return folds;
    }
}
