package dev.digits.backend.dl4j;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.NeuralNetConformanceTest;

/** The neural-net conformance suite (cnn, validation, early stopping, shapes) on Dl4j. */
class Dl4jNeuralNetConformanceTest extends NeuralNetConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new Dl4jProvider();
    }
}
