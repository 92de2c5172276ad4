package dev.digits.backend.tensorflow;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/**
 * The conformance suite on TensorFlow's mlp (few epochs), including bit-for-bit equal predictions from two
 * trainings with one seed (which failed before the training step ordered its in-place updates, see TrainingStep).
 */
class TensorFlowMlpConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new TensorFlowProvider();
    }

    @Override
    protected String vectorType() {
        return "mlp";
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of("epochs", 15, "hidden", "[32, 32]");
    }
}
