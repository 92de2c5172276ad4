package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code spec-augment}: time and frequency masks on matrix features. */
public final class SpecAugmentProvider implements AugmentationProvider {
    public static final String NAME = "spec-augment";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SpecAugment time and frequency masks on matrix features (pooling: none)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("time_masks", 2, 0, 100, "number of time masks"),
                ParameterSpec.integer("time_width", 4, 0, 10000, "largest time mask, in frames"),
                ParameterSpec.integer("freq_masks", 2, 0, 100, "number of frequency masks"),
                ParameterSpec.integer("freq_width", 3, 0, 10000, "largest frequency mask, in rows"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new SpecAugment(parameters);
    }
}
