package dev.digits.core.augment;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.tck.features.AugmentationConformanceTest;

import java.util.List;
import java.util.Map;

class TrimConformanceTest extends AugmentationConformanceTest {
    @Override
    protected AugmentationProvider provider() {
        return new TrimProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("db", 30.0));
    }
}
