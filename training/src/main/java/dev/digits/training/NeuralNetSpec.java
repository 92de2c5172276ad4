package dev.digits.training;

import dev.digits.api.model.InputShape;
import dev.digits.api.model.ModelSpec;

import dev.digits.api.params.ParameterSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model spec shared by every neural-net backend, so that swapping backends is a one-word change.
 * {@code mlp} with the defaults is the original notebook's network: three hidden layers of 100 ReLU units,
 * softmax, Adam (0.001), sparse categorical cross-entropy, 100 epochs, batch 32, Glorot-uniform weights.
 * {@code cnn} takes a {@code [coefficients x frames]} matrix: conv 3x3 + batch-norm + ReLU + max-pool blocks,
 * global average pooling, dropout, dense softmax.
 */
public final class NeuralNetSpec {
    public static final String MLP = "mlp";
    public static final String CNN = "cnn";

    private NeuralNetSpec() {
    }

    /** Training settings common to both types. */
    public static List<ParameterSpec> training(int defaultEpochs) {
        return List.of(
                ParameterSpec.choice("activation", "relu", List.of("relu", "tanh", "sigmoid"), "hidden-layer activation"),
                ParameterSpec.choice("optimizer", "adam", List.of("adam", "sgd"), "optimiser"),
                ParameterSpec.number("learningRate", 0.001, 1e-7, 10, "learning rate"),
                ParameterSpec.integer("epochs", defaultEpochs, 1, 100000, "passes over the training data"),
                ParameterSpec.integer("batchSize", 32, 1, 1 << 20, "examples per gradient step"),
                ParameterSpec.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE, "weights, shuffling and validation split"),
                ParameterSpec.bool("standardize", false, "fit mean/std on the training set, stored with the model"),
                ParameterSpec.number("validationFraction", 0.0, 0, 0.9,
                        "hold out this part of the training set; report its loss/accuracy per epoch"),
                ParameterSpec.map("earlyStopping",
                        "{patience: N}: stop when validation loss has not improved for N epochs, keep the best weights",
                        List.of(ParameterSpec.integer("patience", null, 1, 100000,
                                "epochs without a better validation loss before training stops"))));
    }

    public static List<ParameterSpec> mlp() {
        List<ParameterSpec> all = new ArrayList<>();
        all.add(ParameterSpec.intList("hidden", List.of(100, 100, 100), "units per hidden layer"));
        all.addAll(training(100));
        return all;
    }

    public static List<ParameterSpec> cnn() {
        List<ParameterSpec> all = new ArrayList<>();
        all.add(ParameterSpec.intList("filters", List.of(16, 32, 64), "channels of each conv block (conv 3x3, batch-norm, ReLU, 2x2 max-pool)"));
        all.add(ParameterSpec.integer("kernel", 3, 1, 15, "convolution kernel size"));
        all.add(ParameterSpec.integer("dense", 64, 0, 100000, "units of the dense layer before the output (0: none)"));
        all.add(ParameterSpec.number("dropout", 0.3, 0, 0.95, "dropout before the output layer"));
        all.addAll(training(30));
        return all;
    }

    public static List<ParameterSpec> forType(String type) {
        return switch (type) {
            case MLP -> mlp();
            case CNN -> cnn();
            default -> throw new IllegalArgumentException("no neural-net type '" + type + "'");
        };
    }

    /** What each type takes: the {@code cnn} a {@code [coefficients x frames]} matrix, the {@code mlp} a vector. */
    public static InputShape inputShape(String type) {
        return CNN.equals(type) ? InputShape.MATRIX : InputShape.VECTOR;
    }

    /** The patience of an {@code earlyStopping: {patience: N}} setting, or 0 when off. */
    public static int patience(ModelSpec spec) {
        Map<String, Object> es = spec.parameters().getMap("earlyStopping");
        if (es == null) {
            return 0;
        }
        Object p = es.get("patience");
        if (p == null) {
            throw new IllegalArgumentException("earlyStopping needs {patience: N}, got " + es);
        }
        int n = p instanceof Number num ? num.intValue() : Integer.parseInt(p.toString().trim());
        if (n < 1) {
            throw new IllegalArgumentException("earlyStopping patience must be at least 1, got " + n);
        }
        return n;
    }
}
