package dev.digits.experiment.run;

import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Fold;

import java.util.List;

/**
 * Stops an experiment whose data shrank too much between the plan and the cells: clips that could not be read
 * or extracted are skipped, but a figure measured on a fraction of the planned data (or on an empty fold) is
 * not the experiment's figure, so the run fails instead of reporting it.
 */
final class DataLossCheck {
    /** At most this share of the planned clips may be skipped. */
    static final double MAX_LOST_SHARE = 0.10;
    /** A fold may keep no less than this share of its planned training or test clips. */
    static final double MIN_FOLD_SHARE = 0.5;

    private DataLossCheck() {
    }

    /**
     * @param planned clips the plan was made for
     * @param usable  clips every extractor could use
     * @param skipped the files that were skipped and why (the first is quoted)
     * @throws DataLossException when too many clips were lost or a fold is empty or far smaller than planned
     */
    static void check(int planned, int usable, List<BadFile> skipped, List<Fold> plannedFolds, List<Fold> folds)
            throws DataLossException {
        int lost = planned - usable;
        if (lost > MAX_LOST_SHARE * planned) {
            throw new DataLossException(lost + " of " + planned + " clips could not be used"
                    + (skipped.isEmpty() ? "" : " (first: " + skipped.get(0) + ")")
                    + "; more than " + Math.round(MAX_LOST_SHARE * 100) + "% lost, so no figure is reported."
                    + " Fix or remove the bad files ('digits data info' lists them) and run again");
        }
        if (folds.size() != plannedFolds.size()) {
            throw new DataLossException("after skipping " + lost + " unusable clips the split has " + folds.size()
                    + " folds where the plan had " + plannedFolds.size() + "; no figure is reported");
        }
        for (int i = 0; i < folds.size(); i++) {
            Fold now = folds.get(i);
            Fold plan = plannedFolds.get(i);
            checkSide(now.name(), "training", plan.train().length, now.train().length);
            checkSide(now.name(), "test", plan.test().length, now.test().length);
        }
    }

    private static void checkSide(String fold, String side, int planned, int now) throws DataLossException {
        if (planned > 0 && (now == 0 || now < MIN_FOLD_SHARE * planned)) { // digits train plans no test clips
            throw new DataLossException("fold '" + fold + "' has " + now + " " + side + " clips where the plan had "
                    + planned + " (clips were skipped as unusable); no figure is reported for a fold that small");
        }
    }

    /** The data an experiment would score is not the data it planned. */
    static final class DataLossException extends Exception {
        DataLossException(String message) {
            super(message);
        }
    }
}
