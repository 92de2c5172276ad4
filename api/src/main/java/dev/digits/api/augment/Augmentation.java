package dev.digits.api.augment;

import dev.digits.api.params.Parameters;

/**
 * A random transformation of training data, created by an {@link AugmentationProvider}. It is either an
 * {@link AudioAugmentation} (on the waveform, before feature extraction) or a {@link FeatureAugmentation} (on the
 * extracted features). Instances must be safe to call from several threads; all randomness comes from the
 * generator passed in, so the same generator state gives the same output.
 */
public interface Augmentation {

    /** The provider name, such as {@code noise}. */
    String name();

    /** Every parameter, defaults filled in. */
    Parameters parameters();
}
