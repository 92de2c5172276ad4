package dev.digits.experiment.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides a cell's figures, resolved and written out: {@code --resume} reuses a finished cell
 * only when the configuration it recorded equals the one the current experiment file gives.
 *
 * @param dataset        SHA-256 over the dataset's files (content and names), and the training-only folders
 * @param protocol       split protocol and its settings
 * @param fold           fold index and name
 * @param seed           the cell's seed
 * @param extractor      extractor name, resolved parameters and revision
 * @param model          backend, model type, spec as written and ensemble size
 * @param augmentation   the augmentation's id, copies, seed and steps
 * @param testConditions every test condition
 */
public record CellConfiguration(String dataset, String protocol, String fold, long seed, String extractor,
                                String model, String augmentation, String testConditions) {

    /** The names of the fields that differ from {@code other}'s ("dataset", "model", ...); empty when equal. */
    public List<String> differencesFrom(CellConfiguration other) {
        List<String> d = new ArrayList<>();
        if (other == null) {
            return List.of("not recorded");
        }
        compare(d, "dataset", dataset, other.dataset);
        compare(d, "protocol", protocol, other.protocol);
        compare(d, "fold", fold, other.fold);
        compare(d, "seed", seed, other.seed);
        compare(d, "extractor", extractor, other.extractor);
        compare(d, "model", model, other.model);
        compare(d, "augmentation", augmentation, other.augmentation);
        compare(d, "test conditions", testConditions, other.testConditions);
        return d;
    }

    private static void compare(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name);
        }
    }
}
