package dev.digits.core.dataset;

/**
 * One train/test partition of a corpus: indices into its entry list.
 *
 * @param name  such as {@code official}, {@code speaker=jackson} or {@code fold-2}
 * @param train indices of training entries, ascending
 * @param test  indices of test entries, ascending
 */
public record Fold(String name, int[] train, int[] test) {
}
