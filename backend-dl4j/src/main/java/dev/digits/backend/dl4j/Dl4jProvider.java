package dev.digits.backend.dl4j;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.InputShape;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.NeuralNetSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.params.ParameterSpec;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plugin {@code dl4j}: the shared neural-net spec ({@code mlp}, {@code cnn}) on Deeplearning4j. */
public final class Dl4jProvider implements ClassifierProvider {
    public static final String NAME = "dl4j";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deeplearning4j 1.0.0-M2.1 on CPU (nd4j-native): mlp (the notebook's network) and cnn";
    }

    /** Loads ND4J's native backend: the first use, not discovery, pays for it. */
    @Override
    public void checkAvailable() {
        org.nd4j.linalg.factory.Nd4j.create(1);
    }

    @Override
    public Set<String> modelTypes() {
        return new LinkedHashSet<>(List.of(NeuralNetSpec.MLP, NeuralNetSpec.CNN));
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
        return new Dl4jClassifier(spec);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return Dl4jTrainedModel.read(in, this);
    }
}
