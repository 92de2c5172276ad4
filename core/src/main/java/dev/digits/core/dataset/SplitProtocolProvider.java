package dev.digits.core.dataset;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;
import dev.digits.api.plugin.Plugin;

import java.util.List;
import java.util.Map;

/**
 * Service-provider interface for split protocols, registered in
 * {@code META-INF/services/dev.digits.core.dataset.SplitProtocolProvider}: the {@code protocol: {type: NAME, ...}}
 * of an experiment file is its {@link #name()}, and the other keys are its {@link #parameters()}.
 */
public interface SplitProtocolProvider extends Plugin {

    /** The settings the protocol accepts, with defaults and validation. */
    List<ParameterSpec> parameters();

    @Override
    default List<ParameterSpec> declaredParameters() {
        return parameters();
    }

    /** Resolves raw values against {@link #parameters()}, then creates. */
    default SplitProtocol create(Map<String, ?> rawParameters) {
        return create(Parameters.resolve(parameters(), rawParameters, "protocol " + name()));
    }

    /**
     * Creates the protocol from resolved parameters.
     *
     * @throws IllegalArgumentException when the settings do not make a protocol (a missing {@code k}, say)
     */
    SplitProtocol create(Parameters parameters);
}
