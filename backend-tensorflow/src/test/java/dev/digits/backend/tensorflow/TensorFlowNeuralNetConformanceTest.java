package dev.digits.backend.tensorflow;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.NeuralNetConformanceTest;

/** The neural-net conformance suite (cnn, validation, early stopping, shapes) on TensorFlow. */
class TensorFlowNeuralNetConformanceTest extends NeuralNetConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new TensorFlowProvider();
    }
}
