package dev.digits.app.testplugins;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.params.ParameterSpec;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** A test backend whose training always throws: a cell using it must be recorded as failed. */
public final class ThrowingBackend implements ClassifierProvider {
    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public String description() {
        return "test plugin: training always fails";
    }

    @Override
    public Set<String> modelTypes() {
        return Set.of("mlp");
    }

    @Override
    public List<ParameterSpec> parameters(String modelType) {
        return List.of(ParameterSpec.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed"));
    }

    @Override
    public Classifier create(ModelSpec spec) {
        return new Classifier() {
            @Override
            public ModelSpec spec() {
                return spec;
            }

            @Override
            public TrainedModel train(dev.digits.api.model.TrainingSet data, dev.digits.api.model.TrainingListener l) {
                throw new IllegalStateException("the GPU caught fire");
            }
        };
    }

    @Override
    public TrainedModel load(InputStream in) {
        throw new UnsupportedOperationException("nothing to load");
    }
}
