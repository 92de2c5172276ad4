package dev.digits.backend.tensorflow;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/**
 * The conformance suite on TensorFlow's mlp (few epochs). Same-seed trainings are close but not bit for bit:
 * with one intra- and one inter-op thread, oneDNN off and TF_DETERMINISTIC_OPS, repeated trainings in one JVM
 * still differ (seen: single probabilities apart by up to 0.022 after 15 epochs); cause not yet found. The
 * mean absolute difference is held to 0.01.
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
    protected float determinismTolerance() {
        return 0.01f;
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of("epochs", 15, "hidden", "[32, 32]");
    }
}
