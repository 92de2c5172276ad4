package org.example.digits;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.tck.ClassifierConformanceTest;

import java.util.Map;

/** The example backend passes the same conformance suite as the real ones. */
class NearestCentroidConformanceTest extends ClassifierConformanceTest {
    @Override
    protected ClassifierProvider provider() {
        return new NearestCentroidProvider();
    }

    @Override
    protected String vectorType() {
        return "nearest-centroid";
    }

    @Override
    protected Map<String, Object> fastParameters() {
        return Map.of();
    }
}
