package dev.digits.features.tarsos;

import dev.digits.api.augment.AugmentationProvider;
import dev.digits.tck.features.AugmentationConformanceTest;

import java.util.List;
import java.util.Map;

class TarsosPitchShiftConformanceTest extends AugmentationConformanceTest {
    @Override
    protected AugmentationProvider provider() {
        return new TarsosPitchShiftProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of("semitones", List.of(1, 3)));
    }
}
