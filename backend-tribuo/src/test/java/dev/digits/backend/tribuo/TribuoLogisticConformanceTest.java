package dev.digits.backend.tribuo;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/** The conformance suite on Tribuo's logistic. */
class TribuoLogisticConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new TribuoProvider();
    }

    @Override
    protected String vectorType() {
        return "logistic";
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of("epochs", 10);
    }
}
