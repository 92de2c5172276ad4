package dev.digits.backend.tensorflow;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/**
 * The conformance suite on TensorFlow's mlp (few epochs). Same-seed trainings agree to about 1e-3 but not bit
 * for bit: with one intra- and one inter-op thread, oneDNN off and TF_DETERMINISTIC_OPS, repeated trainings in
 * one JVM still occasionally differ (seen: 0.98641 against 0.98614 after 15 epochs), cause not yet found.
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
        return 0.02f;
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of("epochs", 15, "hidden", "[32, 32]");
    }
}
