package dev.digits.features.mfcc;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.tck.features.ExtractorConformanceTest;

import java.util.List;
import java.util.Map;

class LibrosaLogMelConformanceTest extends ExtractorConformanceTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new LibrosaLogMelProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of("pooling", "mean"), Map.of("sr", "native", "n_mels", 40, "pooling", "none", "frames", 20));
    }
}
