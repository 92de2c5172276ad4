package dev.digits.backend.dl4j;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/** The conformance suite on DL4J's mlp (few epochs). */
class Dl4jMlpConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new Dl4jProvider();
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
