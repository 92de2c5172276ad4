package dev.digits.tck.features;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every feature extractor must do, whatever it computes: extend this in the plugin's tests and say which
 * provider and parameter sets to check. The framework relies on each of these: the feature cache and model
 * bundles on determinism and on {@code create(parameters().asMap())} giving the same extractor, the parallel
 * extraction on thread safety, the grid on {@code producesMatrix()} and every model on finite values.
 */
public abstract class ExtractorConformanceTest {

    /** The provider under test. */
    protected abstract FeatureExtractorProvider provider();

    /** Parameter sets to check (the defaults at least; a vector and a matrix setting where both exist). */
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of());
    }

    /** The sample rate of the test clips. */
    protected int sampleRate() {
        return 8000;
    }

    private List<FeatureExtractor> extractors() {
        List<FeatureExtractor> all = new ArrayList<>();
        for (Map<String, ?> p : parameterSets()) {
            all.add(provider().create(p));
        }
        return all;
    }

    @Test
    void everyDeclaredDefaultIsAValueTheParameterAccepts() {
        for (ParameterSpec spec : provider().parameters()) {
            assertTrue(spec.defaultProblem().isEmpty(), spec.defaultProblem().orElse(""));
        }
    }

    @Test
    void identifiesItselfByTheProviderNameWithAtLeastRevisionOne() {
        for (FeatureExtractor e : extractors()) {
            assertEquals(provider().name(), e.name());
            assertTrue(e.revision() >= 1, "revision " + e.revision());
        }
    }

    @Test
    void theSameClipGivesTheSameNumbers() {
        AudioClip clip = TestAudio.clips(1, sampleRate(), 7).get(0);
        for (FeatureExtractor e : extractors()) {
            Features a = e.extract(clip);
            Features b = e.extract(clip);
            assertArrayEquals(a.values(), b.values(), e.parameters().toString());
            assertArrayEquals(a.shape(), b.shape());
        }
    }

    @Test
    void recreatingFromItsResolvedParametersGivesTheSameExtractor() {
        AudioClip clip = TestAudio.clips(1, sampleRate(), 11).get(0);
        for (FeatureExtractor e : extractors()) {
            // as a model bundle stores and re-creates it: every resolved parameter, unset ones left out
            Map<String, Object> stored = new LinkedHashMap<>(e.parameters().asMap());
            stored.values().removeIf(v -> v == null);
            FeatureExtractor again = provider().create(stored);
            assertEquals(e.parameters().asMap(), again.parameters().asMap());
            assertEquals(e.revision(), again.revision());
            assertArrayEquals(e.extract(clip).values(), again.extract(clip).values(), e.parameters().toString());
        }
    }

    @Test
    void outputShapeMatchesProducesMatrixAndValuesAreFinite() {
        for (FeatureExtractor e : extractors()) {
            for (AudioClip clip : TestAudio.clips(4, sampleRate(), 3)) {
                Features f = e.extract(clip);
                assertEquals(e.producesMatrix() ? 2 : 1, f.shape().length, "shape " + Arrays.toString(f.shape()));
                assertEquals(Arrays.stream(f.shape()).reduce(1, (x, y) -> x * y), f.values().length);
                for (float v : f.values()) {
                    assertTrue(Float.isFinite(v), e.parameters() + " gave " + v);
                }
            }
        }
    }

    @Test
    void differentClipsGiveDifferentFeatures() {
        List<AudioClip> clips = TestAudio.clips(2, sampleRate(), 5);
        for (FeatureExtractor e : extractors()) {
            assertTrue(!Arrays.equals(e.extract(clips.get(0)).values(), e.extract(clips.get(1)).values()),
                    e.parameters() + " gives the same features for two different clips");
        }
    }

    @Test
    void isSafeToCallFromSeveralThreadsAtOnce() throws Exception {
        List<AudioClip> clips = TestAudio.clips(24, sampleRate(), 13);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (FeatureExtractor e : extractors()) {
                List<Future<float[]>> parallel = new ArrayList<>();
                for (AudioClip clip : clips) {
                    parallel.add(pool.submit(() -> e.extract(clip).values()));
                }
                for (int i = 0; i < clips.size(); i++) {
                    assertArrayEquals(e.extract(clips.get(i)).values(), parallel.get(i).get(), "clip " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
