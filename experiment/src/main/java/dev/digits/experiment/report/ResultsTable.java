package dev.digits.experiment.report;

import dev.digits.experiment.results.CellGroup;
import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.results.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison table {@code digits run} prints when it ends: a row per {@link CellGroup} (model, augmentation and
 * extractor, as report.md has them), with the mean ± standard deviation of accuracy over folds and seeds, the same
 * under each test condition, and the mean training time.
 */
public final class ResultsTable {
    private ResultsTable() {
    }

    /** The table's text, a line per row, header first. */
    public static String text(List<CellResult> runs, List<String> testConditions) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(String.format(Locale.ROOT, "%-28s %-20s %-10s %5s %16s",
                "model", "features", "backend", "runs", "accuracy %")));
        testConditions.forEach(c -> header.add(String.format(Locale.ROOT, "%16s", c + " %")));
        header.add(String.format(Locale.ROOT, "%10s", "train s"));
        sb.append(String.join(" ", header)).append('\n');
        for (CellGroup g : CellGroup.of(runs)) {
            boolean none = g.ok().isEmpty();
            List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%-28s %-20s %-10s %5d %16s", g.model(),
                    g.extractor(), g.backend(), g.ok().size(), none ? "failed" : percent(g.condition(CellGroup.CLEAN)))));
            testConditions.forEach(c -> row.add(String.format(Locale.ROOT, "%16s", none ? "-" : percent(g.condition(c)))));
            Summary train = g.summary(r -> r.timings().trainSeconds());
            row.add(String.format(Locale.ROOT, "%10s", none ? "-" : String.format(Locale.ROOT, "%.1f", train.mean())));
            sb.append(String.join(" ", row)).append('\n');
        }
        return sb.toString();
    }

    private static String percent(Summary s) {
        return Double.isNaN(s.mean()) ? "-" : String.format(Locale.ROOT, "%.2f ± %.2f", s.mean() * 100, s.std() * 100);
    }
}
