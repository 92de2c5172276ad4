package dev.digits.api.model;

import dev.digits.api.params.NameSuggestions;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;
import dev.digits.api.plugin.Plugin;
import dev.digits.api.plugin.PluginException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Service-provider interface for classifier backends, registered in
 * {@code META-INF/services/dev.digits.api.model.ClassifierProvider}.
 */
public interface ClassifierProvider extends Plugin {

    /** The model types this backend can train, such as {@code mlp} and {@code cnn}. */
    Set<String> modelTypes();

    /** The hyper-parameters of one model type, with defaults. */
    List<ParameterSpec> parameters(String modelType);

    @Override
    default List<ParameterSpec> declaredParameters() {
        return modelTypes().stream().sorted().flatMap(t -> parameters(t).stream()).toList();
    }

    /** What features a model type takes; vectors unless a backend says otherwise (a {@code cnn} takes matrices). */
    default InputShape inputShape(String modelType) {
        return InputShape.VECTOR;
    }

    /** Creates a learner for a spec resolved by {@link #spec}. */
    Classifier create(ModelSpec spec);

    /** Reads a model written by {@link TrainedModel#save}. */
    TrainedModel load(InputStream in) throws IOException;

    /**
     * Resolves a raw spec (the {@code type} plus hyper-parameters). An unsupported type is an error naming the
     * types this backend has.
     */
    default ModelSpec spec(String type, Map<String, ?> rawParameters) {
        if (type == null || !modelTypes().contains(type)) {
            throw new PluginException("backend '" + name() + "' cannot train model type '" + type + "'"
                    + (type == null ? "" : NameSuggestions.didYouMean(type, modelTypes()))
                    + "; it supports: " + String.join(", ", modelTypes().stream().sorted().toList()));
        }
        return new ModelSpec(type, Parameters.resolve(parameters(type), rawParameters, name() + " " + type));
    }
}
