package dev.digits.api.augment;

import dev.digits.api.features.Features;

import java.util.random.RandomGenerator;

/** An augmentation of extracted features, such as SpecAugment's time and frequency masks. */
public interface FeatureAugmentation extends Augmentation {

    /** Whether it can take these features (a matrix, say); {@link #apply} may throw otherwise. */
    boolean accepts(Features features);

    /** New features (the input is not modified), drawing any random choices from {@code random}. */
    Features apply(Features features, RandomGenerator random);
}
