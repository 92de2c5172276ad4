package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code gain}: a random volume change. */
public final class GainProvider implements AugmentationProvider {
    public static final String NAME = "gain";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "volume change by a gain in dB drawn from a range";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.range("db", -6, 6, -60, 60, "gain in dB, a number or [low, high]"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new Gain(parameters);
    }
}
