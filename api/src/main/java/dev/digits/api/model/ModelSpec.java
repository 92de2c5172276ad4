package dev.digits.api.model;

import dev.digits.api.params.Parameters;

/**
 * What to train: a model type ({@code mlp}, {@code cnn}, {@code logistic} ...) and its resolved
 * hyper-parameters. The same spec means the same model on every backend that supports its type.
 */
public record ModelSpec(String type, Parameters parameters) {

    public int getInt(String name) {
        return parameters.getInt(name);
    }

    public double getDouble(String name) {
        return parameters.getDouble(name);
    }

    public boolean getBoolean(String name) {
        return parameters.getBoolean(name);
    }

    public String getString(String name) {
        return parameters.getString(name);
    }

    @Override
    public String toString() {
        return type + " " + parameters;
    }
}
