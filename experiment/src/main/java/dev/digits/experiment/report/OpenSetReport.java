package dev.digits.experiment.report;

import dev.digits.experiment.report.ReportDocument.Block;
import dev.digits.experiment.report.ReportDocument.Heading;
import dev.digits.experiment.report.ReportDocument.Image;
import dev.digits.experiment.report.ReportDocument.Para;
import dev.digits.experiment.report.ReportDocument.Table;
import dev.digits.experiment.results.CellGroup;
import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.OpenSetScores;
import dev.digits.experiment.results.OpenSetScores.CurvePoint;
import dev.digits.experiment.results.OpenSetScores.Share;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's section on speech that is not a digit: each group's open-set figures pooled over its runs (digits
 * recognised and wrongly rejected, other speech wrongly accepted; per class and per speaker group) and a plot of
 * both error rates against the threshold. Only groups whose runs have {@link OpenSetScores} appear.
 */
final class OpenSetReport {
    private OpenSetReport() {
    }

    /** The groups with open-set figures. */
    static List<CellGroup> groups(List<CellGroup> groups) {
        return groups.stream().filter(g -> !g.ok().isEmpty() && g.ok().stream().allMatch(r -> r.scores().openSet() != null))
                .toList();
    }

    /** Draws each group's error rates against the threshold, pooled over its runs. */
    static void plots(List<CellGroup> groups, Path dir) throws IOException {
        for (CellGroup g : groups(groups)) {
            XYSeriesCollection c = new XYSeriesCollection();
            XYSeries rejected = new XYSeries("digits rejected (%)");
            XYSeries accepted = new XYSeries("other speech accepted (%)");
            List<OpenSetScores> runs = scores(g);
            for (int k = 0; k < runs.get(0).curve().size(); k++) {
                int point = k;
                Pooled p = Pooled.of(runs, s -> {
                    CurvePoint cp = s.curve().get(point);
                    return new Share("", s.digits(), s.others(), null, cp.digitsRejected(), cp.othersAccepted());
                });
                double t = runs.get(0).curve().get(k).minConfidence();
                if (p.digits > 0) {
                    rejected.add(t, 100.0 * p.rejected / p.digits);
                }
                if (p.others > 0) {
                    accepted.add(t, 100.0 * p.accepted / p.others);
                }
            }
            c.addSeries(rejected);
            c.addSeries(accepted);
            Charts.lines(dir.resolve(file(g)), "Open set: " + g.key() + " (" + runs.size() + " run"
                    + (runs.size() == 1 ? "" : "s") + " pooled)", "threshold (minimum confidence of a digit)", "%", c);
        }
    }

    /** The section's blocks, none when no group has open-set figures. */
    static List<Block> blocks(List<CellGroup> groups) {
        List<CellGroup> open = groups(groups);
        List<Block> out = new ArrayList<>();
        if (open.isEmpty()) {
            return out;
        }
        double threshold = scores(open.get(0)).get(0).minConfidence();
        out.add(new Heading(2, "Speech that is not a digit"));
        out.add(new Para(String.format(Locale.ROOT, "Each test clip answered as the library answers it: ? when the "
                + "model's class of other speech is more likely than every digit, or when the most likely digit's "
                + "probability is below %.2f; else that digit. Counts pooled over each group's runs. Digit accuracy "
                + "is the share of digit clips whose most likely digit is right, ? left aside (as a closed-set model "
                + "is judged); recognised: answered with the right digit; rejected: answered ?; other speech "
                + "accepted: answered with a digit.", threshold)));
        List<List<String>> rows = new ArrayList<>();
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        List<List<String>> byGroup = new ArrayList<>();
        for (CellGroup g : open) {
            List<OpenSetScores> runs = scores(g);
            Pooled all = Pooled.of(runs, s -> new Share("", s.digits(), s.others(), s.digitsRecognised(),
                    s.digitsRejected(), s.othersAccepted()));
            Pooled closed = Pooled.of(runs, s -> new Share("", s.digits(), 0, s.digitAccuracy(), null, null));
            rows.add(List.of(g.key(), Long.toString(all.digits), Long.toString(all.others),
                    pct(closed.recognised, closed.digits), pct(all.recognised, all.digits), pct(all.rejected, all.digits),
                    pct(all.accepted, all.others)));
            List<String> classRow = new ArrayList<>(List.of(g.key()));
            for (Share name : runs.get(0).perClass()) {
                Pooled k = Pooled.of(runs, s -> find(s.perClass(), name.name()));
                classRow.add(k.digits > 0 ? pct(k.rejected, k.digits) : pct(k.accepted, k.others));
            }
            byClass.put(g.key(), classRow);
            for (Share name : runs.get(0).perGroup()) {
                Pooled k = Pooled.of(runs, s -> find(s.perGroup(), name.name()));
                byGroup.add(List.of(g.key(), name.name(), Long.toString(k.digits), pct(k.recognised, k.digits),
                        pct(k.rejected, k.digits), Long.toString(k.others), pct(k.accepted, k.others)));
            }
        }
        out.add(new Table(List.of("model @ features", "digit clips", "other clips", "digit accuracy %",
                "digits recognised %", "digits rejected %", "other speech accepted %"), rows, -1));
        List<String> classHeader = new ArrayList<>(List.of("model @ features"));
        scores(open.get(0)).get(0).perClass().forEach(s -> classHeader.add(s.name()));
        out.add(new Para("Per class: for each digit the share of its clips rejected (%), for ? the share of other "
                + "speech accepted as a digit (%)."));
        out.add(new Table(classHeader, new ArrayList<>(byClass.values()), -1));
        out.add(new Para("Per speaker group (the dataset the test clips came from)."));
        out.add(new Table(List.of("model @ features", "speakers of", "digit clips", "recognised %", "rejected %",
                "other clips", "accepted %"), byGroup, -1));
        for (CellGroup g : open) {
            out.add(new Image(file(g), "error rates against the threshold, " + g.key()));
        }
        return out;
    }

    private static String file(CellGroup g) {
        return "openset-" + ReportWriter.slug(g.key()) + ".png";
    }

    private static List<OpenSetScores> scores(CellGroup g) {
        return g.ok().stream().map(CellResult::scores).map(CellResult.Scores::openSet).toList();
    }

    private static Share find(List<Share> shares, String name) {
        return shares.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElse(new Share(name, 0, 0, null, null, null));
    }

    private static String pct(long n, long of) {
        return of == 0 ? "-" : String.format(Locale.ROOT, "%.2f", 100.0 * n / of);
    }

    /** Counts summed over runs (each run's shares turned back into counts). */
    private record Pooled(long digits, long recognised, long rejected, long others, long accepted) {
        static Pooled of(List<OpenSetScores> runs, Function<OpenSetScores, Share> pick) {
            long digits = 0;
            long recognised = 0;
            long rejected = 0;
            long others = 0;
            long accepted = 0;
            for (OpenSetScores s : runs) {
                Share x = pick.apply(s);
                digits += x.digits();
                others += x.others();
                recognised += count(x.digitsRecognised(), x.digits());
                rejected += count(x.digitsRejected(), x.digits());
                accepted += count(x.othersAccepted(), x.others());
            }
            return new Pooled(digits, recognised, rejected, others, accepted);
        }

        private static long count(Double share, int of) {
            return share == null ? 0 : Math.round(share * of);
        }
    }
}
