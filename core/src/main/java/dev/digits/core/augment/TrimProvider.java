package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;

/** {@code trim}: the clip cut to its speech, as a stream's detector cuts an utterance. */
public final class TrimProvider implements AugmentationProvider {
    public static final String NAME = "trim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "cut leading and trailing silence, as a stream's detector cuts an utterance (then shift adds room)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number("db", 40.0, 1, 200,
                "cut leading/trailing audio quieter than this many dB below the loudest 20 ms frame"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        return new Trim(parameters);
    }
}
