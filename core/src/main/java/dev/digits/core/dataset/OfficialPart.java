package dev.digits.core.dataset;

/**
 * Which part of its dataset's official split a recording belongs to, as the dataset defines it: FSDD and AudioMNIST
 * by the recording's index (0-4 test), Speech Commands by its {@code testing_list.txt} and
 * {@code validation_list.txt}. {@link #NONE} where the dataset (or a partial copy of it) does not say.
 */
public enum OfficialPart {
    TRAINING, VALIDATION, TEST, NONE;

    /** FSDD's and AudioMNIST's rule: indices below {@link OfficialSplit#TEST_INDEX_BELOW} are the test set. */
    public static OfficialPart byIndex(int index) {
        return index < 0 ? NONE : index < OfficialSplit.TEST_INDEX_BELOW ? TEST : TRAINING;
    }
}
