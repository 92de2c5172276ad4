package dev.digits.features.embedding;

import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.tck.features.ExtractorConformanceTest;

import java.util.List;
import java.util.Map;

class SpeechEmbeddingConformanceTest extends ExtractorConformanceTest {
    @Override
    protected FeatureExtractorProvider provider() {
        return new SpeechEmbeddingProvider();
    }

    @Override
    protected List<Map<String, ?>> parameterSets() {
        String models = TestModels.folder().toString();
        return List.of(Map.of("models", models), Map.of("models", models, "pooling", "none", "window", 1.0),
                Map.of("models", models, "pooling", "flatten", "trim_db", 0, "normalize", "none"));
    }
}
