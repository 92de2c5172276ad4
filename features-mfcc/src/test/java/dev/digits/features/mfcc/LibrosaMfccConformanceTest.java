package dev.digits.features.mfcc;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.tck.features.ExtractorConformanceTest;

import java.util.List;
import java.util.Map;

class LibrosaMfccConformanceTest extends ExtractorConformanceTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new LibrosaMfccProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("sr", "native", "pooling", "none", "frames", 16, "deltas", 1, "cmvn", "mean-var", "trim_db", 40), Map.of("sr", 16000, "pooling", "flatten", "frames", 8, "frames_fit", "stretch"));
    }
}
