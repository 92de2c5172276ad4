package dev.digits.core.augment;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.tck.features.AugmentationConformanceTest;

import java.util.List;
import java.util.Map;

class AdditiveNoiseConformanceTest extends AugmentationConformanceTest {
    @Override
    protected AugmentationProvider provider() {
        return new AdditiveNoiseProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("color", "pink", "snr", 5));
    }
}
