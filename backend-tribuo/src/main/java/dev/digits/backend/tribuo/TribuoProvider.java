package dev.digits.backend.tribuo;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.params.NameSuggestions;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.plugin.PluginException;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plugin {@code tribuo}: Tribuo's classical classifiers, for baselines next to the neural backends. */
public final class TribuoProvider implements ClassifierProvider {
    public static final String NAME = "tribuo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Tribuo 4.3 classical learners: logistic (linear SGD), svm (LibSVM RBF), xgboost, forest (CART), knn";
    }

    @Override
    public Set<String> modelTypes() {
        return new LinkedHashSet<>(TribuoSpecs.TYPES);
    }

    @Override
    public List<ParameterSpec> parameters(String modelType) {
        return TribuoSpecs.forType(modelType);
    }

    @Override
    public ModelSpec spec(String type, Map<String, ?> rawParameters) {
        if ("mlp".equals(type) || "cnn".equals(type)) {
            throw new PluginException("backend 'tribuo' has no " + type + " trainer (Tribuo has no neural networks of its own); "
                    + "use backend dl4j or tensorflow for " + type + ", or one of tribuo's types: "
                    + String.join(", ", TribuoSpecs.TYPES));
        }
        if (type == null || !TribuoSpecs.TYPES.contains(type)) {
            throw new PluginException("backend 'tribuo' cannot train model type '" + type + "'"
                    + (type == null ? "" : NameSuggestions.didYouMean(type, TribuoSpecs.TYPES)) + "; it supports: "
                    + String.join(", ", TribuoSpecs.TYPES));
        }
        return ClassifierProvider.super.spec(type, rawParameters);
    }

    @Override
    public Classifier create(ModelSpec spec) {
        return new TribuoClassifier(spec);
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        return TribuoTrainedModel.read(in, this);
    }
}
