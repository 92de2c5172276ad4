package dev.digits.features.tarsos;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.tck.features.ExtractorConformanceTest;

import java.util.List;
import java.util.Map;

class TarsosMfccConformanceTest extends ExtractorConformanceTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new TarsosMfccProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("pooling", "none", "frames", 20));
    }
}
