package dev.digits.api.model;

import java.util.Arrays;

/** The kind of features a model type takes: one vector per clip, or one {@code [rows x frames]} matrix. */
public enum InputShape {
    VECTOR("a vector extractor (pooling: mean, mean-std or flatten)"),
    MATRIX("a matrix extractor (pooling: none, with frames: N)");

    private final String extractorHint;

    InputShape(String extractorHint) {
        this.extractorHint = extractorHint;
    }

    /** What kind of extractor gives this shape, for messages: {@code a matrix extractor (pooling: none ...)}. */
    public String extractorHint() {
        return extractorHint;
    }

    /** Whether features of {@code shape} (one example) are of this kind. */
    public boolean accepts(int[] shape) {
        return this == VECTOR ? shape.length == 1 : shape.length == 2;
    }

    /** The kind an extractor produces. */
    public static InputShape of(boolean producesMatrix) {
        return producesMatrix ? MATRIX : VECTOR;
    }

    /**
     * @throws IllegalArgumentException naming the model type, the shape it got and the extractor it needs
     */
    public void check(String modelType, int[] shape) {
        if (!accepts(shape)) {
            throw new IllegalArgumentException(modelType + " needs " + extractorHint + "; got features of shape "
                    + Arrays.toString(shape));
        }
    }
}
