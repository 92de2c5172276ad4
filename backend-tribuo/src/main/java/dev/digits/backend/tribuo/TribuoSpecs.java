package dev.digits.backend.tribuo;

import dev.digits.api.params.ParameterSpec;

import java.util.ArrayList;
import java.util.List;

/** The model types of the Tribuo backend and their hyper-parameters. */
final class TribuoSpecs {
    static final List<String> TYPES = List.of("logistic", "svm", "xgboost", "forest", "knn");

    private TribuoSpecs() {
    }

    static List<ParameterSpec> forType(String type) {
        List<ParameterSpec> p = new ArrayList<>();
        switch (type) {
            case "logistic" -> {
                p.add(ParameterSpec.integer("epochs", 50, 1, 100000, "SGD passes over the data"));
                p.add(ParameterSpec.number("learningRate", 1.0, 1e-7, 100, "AdaGrad learning rate"));
                p.add(ParameterSpec.integer("batchSize", 1, 1, 1 << 20, "SGD minibatch size"));
            }
            case "svm" -> {
                p.add(ParameterSpec.number("cost", 10.0, 1e-6, 1e6, "C, the soft-margin penalty"));
                p.add(ParameterSpec.number("gamma", 0.0, 0, 1e6, "RBF kernel width (0: 1 / number of features)"));
            }
            case "xgboost" -> {
                p.add(ParameterSpec.integer("trees", 200, 1, 100000, "boosting rounds"));
                p.add(ParameterSpec.number("eta", 0.3, 1e-6, 1, "learning rate"));
                p.add(ParameterSpec.integer("maxDepth", 6, 1, 64, "maximum tree depth"));
                p.add(ParameterSpec.number("subsample", 1.0, 0.01, 1, "row subsample per tree"));
            }
            case "forest" -> {
                p.add(ParameterSpec.integer("trees", 200, 1, 100000, "trees in the forest"));
                p.add(ParameterSpec.integer("maxDepth", 20, 1, 1000, "maximum tree depth"));
                p.add(ParameterSpec.number("featureFraction", 0.5, 0.01, 1, "fraction of features tried per split"));
            }
            case "knn" -> p.add(ParameterSpec.integer("k", 5, 1, 10000, "neighbours that vote"));
            default -> throw new IllegalArgumentException(type);
        }
        p.add(ParameterSpec.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "randomness of the learner"));
        p.add(ParameterSpec.bool("standardize", true, "fit mean/std on the training set, stored with the model"));
        return p;
    }
}
