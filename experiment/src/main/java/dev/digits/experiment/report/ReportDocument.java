package dev.digits.experiment.report;

import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.metrics.Significance;
import dev.digits.core.labels.DigitLabels;

import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.CellResult.ClassScore;
import dev.digits.experiment.results.CellResult.DigitProbability;
import dev.digits.experiment.results.CellResult.Misclassification;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.recognition.provenance.RunProvenance.DatasetProvenance;
import dev.digits.recognition.provenance.RunProvenance.SoftwareProvenance;

import dev.digits.experiment.results.CellGroup;
import dev.digits.experiment.report.ReportWriter.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content of an experiment report as a list of blocks (headings, paragraphs, tables, images), rendered
 * to Markdown and HTML by {@link #markdown()} and {@link #html()}.
 */
final class ReportDocument {
    sealed interface Block permits Heading, Para, Table, Image {
    }

    record Heading(int level, String text) implements Block {
    }

    record Para(String text) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows, int highlightRow) implements Block {
    }

    record Image(String file, String alt) implements Block {
    }

    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    private ReportDocument(String title) {
        this.title = title;
    }

    static ReportDocument build(ExperimentConfig config, List<CellGroup> groups, CellGroup best, Map<String, Test> tests, Path dir) {
        ReportDocument d = new ReportDocument("Experiment " + config.name());
        d.add(new Heading(1, "Experiment " + config.name()));
        if (config.description() != null) {
            d.add(new Para(config.description()));
        }
        d.intro(config, groups);
        d.comparison(groups, best, tests, dir);
        if (!config.testConditions().isEmpty()) {
            d.conditions(config, groups);
        }
        d.perFold(groups);
        OpenSetReport.blocks(groups).forEach(d::add);
        for (CellGroup g : groups) {
            d.group(g, dir);
        }
        d.failed(groups);
        return d;
    }

    /** Where the data came from, the protocol and seeds, and when and from which commit the report was written. */
    private void intro(ExperimentConfig config, List<CellGroup> groups) {
        RunProvenance firstProv = groups.stream().flatMap(g -> g.runs().stream()).map(CellResult::provenance)
                .filter(p -> p != null && p.dataset() != null).findFirst().orElse(null);
        DatasetProvenance dataset = firstProv == null ? null : firstProv.dataset();
        SoftwareProvenance software = firstProv == null ? null : firstProv.software();
        add(new Para("Dataset " + (dataset == null ? config.dataset().describe() : dataset.root() + " ("
                + dataset.files() + " files, sha256 " + dataset.sha256().substring(0, 12) + "...)")
                + "; protocol " + config.protocol().type() + (config.protocol().settings().isEmpty() ? "" : " "
                + config.protocol().settings()) + "; seeds " + config.seeds() + ". Written "
                + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                + (software == null || software.gitCommit() == null ? "" : " from commit "
                + software.gitCommit() + (Boolean.TRUE.equals(software.gitDirty()) ? " (with local changes)" : ""))
                + ". Every number below comes from results.json, which holds each run's full provenance."));

    }

    /** The comparison table: every group's accuracy, F1, times and its test against the best. */
    private void comparison(List<CellGroup> groups, CellGroup best, Map<String, Test> tests, Path dir) {
        add(new Heading(2, "Comparison"));
        List<List<String>> rows = new ArrayList<>();
        int bestRow = -1;
        for (CellGroup g : groups) {
            Test t = tests.get(g.key());
            if (g == best) {
                bestRow = rows.size();
            }
            rows.add(List.of((g == best ? "★ " : "") + g.model(), g.extractor(), g.backend(),
                    g.ok().size() + (g.ok().size() < g.runs().size() ? " (" + (g.runs().size() - g.ok().size()) + " failed)" : ""),
                    g.ok().isEmpty() ? "-" : ReportWriter.pct(g.summary(CellResult::accuracy)),
                    g.ok().isEmpty() ? "-" : ReportWriter.pct(g.summary(r -> r.scores().macroF1())),
                    num(g.summary(r -> r.timings().trainSeconds()).mean(), "%.1f"), num(g.summary(r -> r.timings().extractMillisPerClip()).mean(), "%.3f"),
                    num(g.summary(r -> r.timings().predictMillisPerClip()).mean(), "%.3f"),
                    g == best ? "best" : t == null ? "-" : (Double.isNaN(t.p()) ? t.note() : String.format(Locale.ROOT, "p = %.3g (%s)", t.p(), t.name()))));
        }
        add(new Table(List.of("model", "features", "backend", "runs", "accuracy %", "macro F1 %", "train s",
                "extract ms/clip", "predict ms/clip", "vs best"), rows, bestRow));
        if (Files.exists(dir.resolve("accuracy.png"))) {
            add(new Image("accuracy.png", "accuracy per model"));
        }
        String testNote = tests.values().stream().map(Test::note).distinct().reduce((a, b) -> a + "; " + b).orElse(null);
        add(new Para("Significance: each model is compared with the best. " + (testNote == null
                ? "There is only one model, so nothing is compared."
                : Character.toUpperCase(testNote.charAt(0)) + testNote.substring(1) + ". A small p (below 0.05, say) means the difference is unlikely to be chance; a single split "
                + "with a single seed says nothing about variation between seeds or speakers.")));

    }

    /** Accuracy of every group under each test condition. */
    private void conditions(ExperimentConfig config, List<CellGroup> groups) {
            add(new Heading(2, "Accuracy under test conditions"));
        add(new Para("The same trained models on the same test clips, transformed: "
                + String.join("; ", config.testConditions().stream().map(c -> c.id() + " = " + c.steps().stream()
                .map(st -> st.type() + " " + st.params()).toList()).toList())
                + ". Mean ± std over folds and seeds, in %."));
        List<String> header = new ArrayList<>(List.of("model @ features", "clean"));
        config.testConditions().forEach(c -> header.add(c.id()));
        List<List<String>> cr = new ArrayList<>();
        for (CellGroup g : groups) {
            if (g.ok().isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(g.key()));
            for (String c : header.subList(1, header.size())) {
                row.add(ReportWriter.pct(g.condition(c)));
            }
            cr.add(row);
        }
        add(new Table(header, cr, -1));
    }

    /** Accuracy per fold and the worst run, when there are several folds. */
    private void perFold(List<CellGroup> groups) {
        List<String> foldNames = new ArrayList<>(ReportWriter.folds(groups));
        if (foldNames.size() > 1) {
            add(new Heading(2, "Accuracy per fold"));
            List<List<String>> fr = new ArrayList<>();
            for (CellGroup g : groups) {
                List<String> row = new ArrayList<>(List.of(g.key()));
                for (String f : foldNames) {
                    row.add(ReportWriter.pct(g.ok().stream().filter(r -> f.equals(r.identity().fold()))
                            .mapToDouble(CellResult::accuracy).average().orElse(Double.NaN)));
                }
                row.add(ReportWriter.pct(g.ok().stream().mapToDouble(CellResult::accuracy)
                        .min().orElse(Double.NaN)));
                fr.add(row);
            }
            List<String> header = new ArrayList<>(List.of("model @ features"));
            header.addAll(foldNames);
            header.add("worst");
            add(new Table(header, fr, -1));
        }
    }

    /** One group's per-class scores, plots and misclassified files. */
    private void group(CellGroup g, Path dir) {
        add(new Heading(2, g.key()));
        List<CellResult> ok = g.ok();
        if (ok.isEmpty()) {
            add(new Para("Every run failed: " + g.runs().get(0).error()));
            return;
        }
        List<List<String>> pc = new ArrayList<>();
        for (int digit = 0; digit < ok.get(0).scores().perClass().size(); digit++) {
            double p = 0;
            double r = 0;
            double f = 0;
            int s = 0;
            for (CellResult run : ok) {
                ClassScore c = run.scores().perClass().get(digit);
                p += c.precision();
                r += c.recall();
                f += c.f1();
                s += c.support();
            }
            pc.add(List.of(DigitLabels.name(digit), ReportWriter.pct(p / ok.size()), ReportWriter.pct(r / ok.size()),
                    ReportWriter.pct(f / ok.size()), Integer.toString(s)));
        }
        add(new Para("Per-class precision, recall and F1 (%), averaged over " + ok.size() + " run"
                + (ok.size() == 1 ? "" : "s") + "; support summed."));
        add(new Table(List.of("digit", "precision", "recall", "F1", "support"), pc, -1));
        String slug = ReportWriter.slug(g.key());
        add(new Image("confusion-" + slug + ".png", "confusion matrix of " + g.key()));
        if (Files.exists(dir.resolve("curves-" + slug + ".png"))) {
            add(new Image("curves-" + slug + ".png", "learning curves of " + g.key()));
        }
        misclassified(ok);
    }

    /** The first misclassified test files of a group's runs. */
    private void misclassified(List<CellResult> ok) {
        List<List<String>> wrong = new ArrayList<>();
        int total = 0;
        for (CellResult run : ok) {
            List<Misclassification> mis = run.scores().misclassified();
            total += mis.size();
            for (Misclassification m : mis) {
                if (wrong.size() >= 25) {
                    break;
                }
                DigitProbability a = m.top2().get(0);
                DigitProbability b = m.top2().get(1);
                wrong.add(List.of(Path.of(m.file()).getFileName().toString(), String.valueOf(m.trueDigit()),
                        String.valueOf(m.predicted()), String.format(Locale.ROOT, "%d: %.2f, %d: %.2f", a.digit(), a.p(),
                                b.digit(), b.p()),
                        run.identity().fold() + ", seed " + run.identity().seed()));
            }
        }
        add(new Para("Misclassified test files: " + total + " over " + ok.size() + " run" + (ok.size() == 1 ? "" : "s")
                + (total > wrong.size() ? " (first " + wrong.size() + " shown; all are in results.json)" : "") + "."));
        if (!wrong.isEmpty()) {
            add(new Table(List.of("file", "true", "predicted", "top-2 probabilities", "run"), wrong, -1));
        }
    }

    /** Every run that failed, with its error. */
    private void failed(List<CellGroup> groups) {
        List<List<String>> failed = new ArrayList<>();
        groups.forEach(g -> g.runs().stream().filter(r -> !r.ok()).forEach(r ->
                failed.add(List.of(g.key(), r.identity().fold(), String.valueOf(r.identity().seed()), String.valueOf(r.error())))));
        if (!failed.isEmpty()) {
            add(new Heading(2, "Failed runs"));
            add(new Table(List.of("model @ features", "fold", "seed", "error"), failed, -1));
        }
    }

    private void add(Block b) {
        blocks.add(b);
    }


    private static String num(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Para p) {
                sb.append(p.text()).append("\n\n");
            } else if (b instanceof Image i) {
                sb.append("![").append(i.alt()).append("](").append(i.file()).append(")\n\n");
            } else if (b instanceof Table t) {
                {
                    sb.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
                    t.header().forEach(x -> sb.append(" --- |"));
                    sb.append('\n');
                    for (int r = 0; r < t.rows().size(); r++) {
                        List<String> row = t.rows().get(r);
                        List<String> cells = row.stream().map(c -> c.replace("|", "\\|")).toList();
                        if (r == t.highlightRow()) {
                            cells = cells.stream().map(c -> "**" + c + "**").toList();
                        }
                        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    String html() {
        StringBuilder sb = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>""").append(esc(title)).append("""
                </title>
                <style>
                body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 1100px; margin: 2em auto;
                       padding: 0 1em; color: #222; line-height: 1.45; }
                h1 { border-bottom: 2px solid #1f77b4; padding-bottom: .2em; }
                h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
                table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
                th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; }
                th { background: #f0f4f8; }
                tr:nth-child(even) td { background: #fafafa; }
                tr.best td { background: #e6f4e6; font-weight: 600; }
                img { max-width: 100%; border: 1px solid #eee; margin: .5em 0; }
                p { max-width: 60em; }
                </style></head><body>
                """);
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Para p) {
                sb.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Image i) {
                sb.append("<img src=\"").append(esc(i.file())).append("\" alt=\"").append(esc(i.alt())).append("\">\n");
            } else if (b instanceof Table t) {
                {
                    sb.append("<table><thead><tr>");
                    t.header().forEach(x -> sb.append("<th>").append(esc(x)).append("</th>"));
                    sb.append("</tr></thead><tbody>\n");
                    for (int r = 0; r < t.rows().size(); r++) {
                        sb.append(r == t.highlightRow() ? "<tr class=\"best\">" : "<tr>");
                        t.rows().get(r).forEach(c -> sb.append("<td>").append(esc(c)).append("</td>"));
                        sb.append("</tr>\n");
                    }
                    sb.append("</tbody></table>\n");
                }
            }
        }
        return sb.append("</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
