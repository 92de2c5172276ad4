/**
 * The built-in augmentations ({@code noise}, {@code gain}, {@code shift}, {@code speed}, {@code spec-augment}),
 * each an {@link dev.digits.api.augment.AugmentationProvider} plugin like any other.
 */
package dev.digits.core.augment;
