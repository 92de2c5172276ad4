package dev.digits.api.features;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;
import dev.digits.api.plugin.Plugin;

import java.util.List;
import java.util.Map;

/**
 * Service-provider interface for feature extractors, registered in
 * {@code META-INF/services/dev.digits.api.features.FeatureExtractorProvider}.
 */
public interface FeatureExtractorProvider extends Plugin {

    /** The parameters the extractor accepts, with defaults and validation. */
    List<ParameterSpec> parameters();

    @Override
    default List<ParameterSpec> declaredParameters() {
        return parameters();
    }

    /** Resolves raw values (from YAML or {@code key=value}) against {@link #parameters()}, then creates. */
    default FeatureExtractor create(Map<String, ?> rawParameters) {
        return create(Parameters.resolve(parameters(), rawParameters, name()));
    }

    /**
     * The parameters that make the extractor read its {@link FeatureExtractor#files() files} from {@code folder}
     * (where a model bundle unpacked them), by default unchanged.
     */
    default Map<String, Object> withFilesIn(Map<String, Object> resolved, java.nio.file.Path folder) {
        return resolved;
    }

    /** Creates an extractor from parameters already resolved against {@link #parameters()}. */
    FeatureExtractor create(Parameters parameters);
}
