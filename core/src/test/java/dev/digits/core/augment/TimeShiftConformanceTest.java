package dev.digits.core.augment;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.tck.features.AugmentationConformanceTest;

import java.util.List;
import java.util.Map;

class TimeShiftConformanceTest extends AugmentationConformanceTest {
    @Override
    protected AugmentationProvider provider() {
        return new TimeShiftProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of(), Map.of("before", 0.05, "after", List.of(0.01, 0.2)));
    }
}
