package dev.digits.backend.tensorflow;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.InputShape;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.NeuralNetSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.params.ParameterSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Plugin {@code tensorflow}: the shared neural-net spec on TensorFlow Java. Models are saved as a TensorFlow
 * SavedModel (signature {@code serving_default}: input {@code x}, output {@code probabilities}).
 */
public final class TensorFlowProvider implements ClassifierProvider {
    public static final String NAME = "tensorflow";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow Java 1.1 (TensorFlow 2.18 natives, CPU): mlp (the notebook's network) and cnn, saved as a SavedModel";
    }

    /** Loads the native library: the first use, not discovery, pays for it. */
    @Override
    public void checkAvailable() {
        org.tensorflow.TensorFlow.version();
    }

    @Override
    public Set<String> modelTypes() {
        return new java.util.LinkedHashSet<>(List.of(NeuralNetSpec.MLP, NeuralNetSpec.CNN));
    }

    @Override
    public List<ParameterSpec> parameters(String modelType) {
        return NeuralNetSpec.forType(modelType);
    }

    @Override
    public InputShape inputShape(String modelType) {
        return NeuralNetSpec.inputShape(modelType);
    }

    @Override
    public Classifier create(ModelSpec spec) {
        return new TensorFlowClassifier(spec);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return TensorFlowTrainedModel.read(in, this);
    }
}
