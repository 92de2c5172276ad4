package dev.digits.backend.tribuo;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/** The conformance suite on Tribuo's xgboost. */
class TribuoXGBoostConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new TribuoProvider();
    }

    @Override
    protected String vectorType() {
        return "xgboost";
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of("trees", 20);
    }
}
