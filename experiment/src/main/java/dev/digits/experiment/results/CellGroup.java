package dev.digits.experiment.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The runs of one configuration over folds and seeds: one model, with one augmentation, on one extractor. Every
 * axis an experiment varies besides folds and seeds sets groups apart (test conditions are scores within each
 * run); the console table and the report show the same groups.
 *
 * @param model the model's id, with {@code " + AUGMENTATION"} when its training data was augmented
 */
public record CellGroup(String key, String model, String extractor, String backend, List<CellResult> runs) {
    /** The figure of the plain test set, besides the test conditions. */
    public static final String CLEAN = "clean";

    /** The runs grouped, in the order their first runs come. */
    public static List<CellGroup> of(List<CellResult> runs) {
        Map<String, CellGroup> groups = new LinkedHashMap<>();
        for (CellResult r : runs) {
            String aug = r.identity().augmentation();
            String model = aug == null || "none".equals(aug) ? r.identity().model() : r.identity().model() + " + " + aug;
            String key = model + " @ " + r.identity().extractor();
            groups.computeIfAbsent(key, k -> new CellGroup(k, model, r.identity().extractor(), r.identity().backend(), new ArrayList<>()))
                    .runs().add(r);
        }
        return new ArrayList<>(groups.values());
    }

    /** The runs that finished. */
    public List<CellResult> ok() {
        return runs.stream().filter(CellResult::ok).toList();
    }

    /** A figure over the runs that finished. */
    public Summary summary(ToDoubleFunction<CellResult> field) {
        return Summary.of(ok().stream().mapToDouble(field));
    }

    /** Accuracy over the runs that finished under one test condition ({@link #CLEAN}: the plain test set). */
    public Summary condition(String condition) {
        if (condition.equals(CLEAN)) {
            return summary(CellResult::accuracy);
        }
        return Summary.of(ok().stream().flatMap(r -> r.scores().conditions() == null ? Stream.empty() : r.scores().conditions().stream())
                .filter(c -> condition.equals(c.id())).mapToDouble(CellResult.ConditionScore::accuracy));
    }
}
