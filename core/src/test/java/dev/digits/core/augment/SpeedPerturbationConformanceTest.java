package dev.digits.core.augment;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.tck.features.AugmentationConformanceTest;

import java.util.List;
import java.util.Map;

class SpeedPerturbationConformanceTest extends AugmentationConformanceTest {
    @Override
    protected AugmentationProvider provider() {
        return new SpeedPerturbationProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("factor", List.of(0.7, 0.8)));
    }
}
