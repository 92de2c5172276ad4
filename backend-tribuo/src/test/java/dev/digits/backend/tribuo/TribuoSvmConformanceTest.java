package dev.digits.backend.tribuo;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/** The conformance suite on Tribuo's svm. */
class TribuoSvmConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new TribuoProvider();
    }

    @Override
    protected String vectorType() {
        return "svm";
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of();
    }
}
