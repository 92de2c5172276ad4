package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code shift}: random silence before and after the utterance. */
public final class TimeShiftProvider implements AugmentationProvider {
    public static final String NAME = "shift";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "time shift: random silence padded before and after the clip";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.range("before", 0, 0.1, 0, 10, "seconds of silence before, a number or [low, high]"),
                ParameterSpec.range("after", 0, 0.1, 0, 10, "seconds of silence after, a number or [low, high]"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new TimeShift(parameters);
    }
}
