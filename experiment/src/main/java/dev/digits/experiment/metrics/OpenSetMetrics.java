package dev.digits.experiment.metrics;

import dev.digits.core.labels.DigitLabels;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.experiment.results.OpenSetScores;
import dev.digits.experiment.results.OpenSetScores.CurvePoint;
import dev.digits.experiment.results.OpenSetScores.Share;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/** Open-set figures ({@link OpenSetScores}) from a model's class probabilities on test clips. */
public final class OpenSetMetrics {
    /** The thresholds of the curve: 0, 0.05, ..., 0.95, then 0.99 (at 1 every digit is rejected: nothing to see). */
    static final int CURVE_STEPS = 20;
    static final double LAST_THRESHOLD = 0.99;

    private OpenSetMetrics() {
    }

    /** Whether open-set figures say anything here: the model has the other class or the test clips hold other speech. */
    public static boolean applies(int numClasses, int[] truth) {
        return numClasses > DigitLabels.OTHER || java.util.Arrays.stream(truth).anyMatch(t -> t == DigitLabels.OTHER);
    }

    /**
     * The figures of {@code p} (one row of class probabilities per clip) against {@code truth}, clip {@code i}
     * belonging to speaker group {@code groups[i]}, answered by {@code rule}.
     */
    public static OpenSetScores of(float[][] p, int[] truth, String[] groups, OpenSetRule rule) {
        int[] answer = answers(p, rule);
        Counts all = Counts.of(truth, answer, i -> true);
        int rightDigit = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != DigitLabels.OTHER && OpenSetRule.bestDigit(p[i]) == truth[i]) {
                rightDigit++;
            }
        }
        List<Share> perClass = new ArrayList<>();
        for (int c = 0; c <= DigitLabels.OTHER; c++) {
            int cls = c;
            Counts k = Counts.of(truth, answer, i -> truth[i] == cls);
            if (k.digits + k.others > 0) {
                perClass.add(k.named(DigitLabels.name(c)));
            }
        }
        Map<String, Boolean> names = new TreeMap<>();
        for (String g : groups) {
            names.put(g, true);
        }
        List<Share> perGroup = new ArrayList<>();
        for (String g : names.keySet()) {
            perGroup.add(Counts.of(truth, answer, i -> g.equals(groups[i])).named(g));
        }
        List<CurvePoint> curve = new ArrayList<>();
        for (int s = 0; s <= CURVE_STEPS; s++) {
            double t = s == CURVE_STEPS ? LAST_THRESHOLD : (double) s / CURVE_STEPS;
            Counts k = Counts.of(truth, answers(p, new OpenSetRule(t)), i -> true);
            curve.add(new CurvePoint(t, k.rejected(), k.accepted()));
        }
        return new OpenSetScores(rule.minConfidence(), all.digits, all.others,
                share(rightDigit, all.digits), all.recognised(), all.rejected(), all.accepted(), perClass, perGroup, curve);
    }

    private static int[] answers(float[][] p, OpenSetRule rule) {
        int[] a = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            a[i] = rule.answer(p[i]);
        }
        return a;
    }

    private static Double share(int n, int of) {
        return of == 0 ? null : (double) n / of;
    }

    /** Counts over the clips a filter keeps. */
    private record Counts(int digits, int recognisedDigits, int rejectedDigits, int others, int acceptedOthers) {
        static Counts of(int[] truth, int[] answer, IntPredicate keep) {
            int digits = 0;
            int recognised = 0;
            int rejected = 0;
            int others = 0;
            int accepted = 0;
            for (int i = 0; i < truth.length; i++) {
                if (!keep.test(i)) {
                    continue;
                }
                if (truth[i] == DigitLabels.OTHER) {
                    others++;
                    accepted += answer[i] == DigitLabels.OTHER ? 0 : 1;
                } else {
                    digits++;
                    recognised += answer[i] == truth[i] ? 1 : 0;
                    rejected += answer[i] == DigitLabels.OTHER ? 1 : 0;
                }
            }
            return new Counts(digits, recognised, rejected, others, accepted);
        }

        Double recognised() {
            return OpenSetMetrics.share(recognisedDigits, digits);
        }

        Double rejected() {
            return OpenSetMetrics.share(rejectedDigits, digits);
        }

        Double accepted() {
            return OpenSetMetrics.share(acceptedOthers, others);
        }

        Share named(String name) {
            return new Share(name, digits, others, recognised(), rejected(), accepted());
        }
    }
}
