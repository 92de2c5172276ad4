package dev.digits.api.augment;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;
import dev.digits.api.plugin.Plugin;

import java.util.List;
import java.util.Map;

/**
 * Service-provider interface for augmentations, registered in
 * {@code META-INF/services/dev.digits.api.augment.AugmentationProvider}; the {@code type:} of an augmentation
 * step in an experiment file is its {@link #name()}.
 */
public interface AugmentationProvider extends Plugin {

    /** The parameters the augmentation accepts, with defaults and validation. */
    List<ParameterSpec> parameters();

    @Override
    default List<ParameterSpec> declaredParameters() {
        return parameters();
    }

    /** Resolves raw values (from YAML) against {@link #parameters()}, then creates. */
    default Augmentation create(Map<String, ?> rawParameters) {
        return create(Parameters.resolve(parameters(), rawParameters, name()));
    }

    /** Creates an augmentation from parameters already resolved against {@link #parameters()}. */
    Augmentation create(Parameters parameters);
}
