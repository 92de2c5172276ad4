package dev.digits.features.tarsos;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code pitch}: TarsosDSP pitch shift (WSOLA + rate transposer), duration kept. */
public final class TarsosPitchShiftProvider implements AugmentationProvider {
    public static final String NAME = "pitch";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pitch shift by semitones drawn from a range, duration kept (TarsosDSP WSOLA + rate transposer)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.range("semitones", -2, 2, -24, 24, "pitch change in semitones, a number or [low, high]"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new TarsosPitchShift(parameters);
    }
}
