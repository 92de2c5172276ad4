package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code speed}: speed perturbation by resampling. */
public final class SpeedPerturbationProvider implements AugmentationProvider {
    public static final String NAME = "speed";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "speed perturbation by resampling (tempo, pitch and formants together), factor drawn from a range";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.range("factor", 0.9, 1.1, 0.5, 2.0, "speed factor, a number or [low, high]"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new SpeedPerturbation(parameters);
    }
}
