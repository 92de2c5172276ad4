package dev.digits.tck.features;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.augment.FeatureAugmentation;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every augmentation must do: extend this in the plugin's tests with the provider and parameter sets that
 * change their input. Augmented copies are cached and reproduced by seed, so the same generator state must
 * give the same output, on any thread, and re-creating from the resolved parameters must change nothing.
 */
public abstract class AugmentationConformanceTest {

    /** The provider under test. */
    protected abstract AugmentationProvider provider();

    /** Parameter sets to check; each must change a typical clip (or matrix) for most random draws. */
    protected List<Map<String, ?>> parameterSets() {
        return List.of(Map.of());
    }

    private static final int RATE = 8000;

    /** A [rows x frames] matrix for feature augmentations. */
    private static Features matrix(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 20;
        int cols = 30;
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-3, 3);
        }
        return Features.matrix(v, rows, cols);
    }

    private static float[] apply(Augmentation a, AudioClip clip, Features features, long seed) {
        if (a instanceof AudioAugmentation audio) {
            return audio.apply(clip, new SplittableRandom(seed)).samples();
        }
        return ((FeatureAugmentation) a).apply(features, new SplittableRandom(seed)).values();
    }

    private List<Augmentation> augmentations() {
        List<Augmentation> all = new ArrayList<>();
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
    void isAnAudioOrAFeatureAugmentationNamedAfterItsProvider() {
        for (Augmentation a : augmentations()) {
            assertEquals(provider().name(), a.name());
            assertTrue(a instanceof AudioAugmentation ^ a instanceof FeatureAugmentation, a.getClass().getName());
        }
    }

    @Test
    void theSameRandomStateGivesTheSameOutputAndLeavesTheInputAlone() {
        AudioClip clip = TestAudio.clips(1, RATE, 21).get(0);
        float[] before = clip.samples().clone();
        Features features = matrix(3);
        float[] featuresBefore = features.values().clone();
        for (Augmentation a : augmentations()) {
            assertArrayEquals(apply(a, clip, features, 99), apply(a, clip, features, 99), a.parameters().toString());
            assertArrayEquals(before, clip.samples(), "the input clip was modified");
            assertArrayEquals(featuresBefore, features.values(), "the input features were modified");
        }
    }

    @Test
    void itChangesItsInputForMostRandomDraws() {
        AudioClip clip = TestAudio.clips(1, RATE, 22).get(0);
        Features features = matrix(4);
        for (Augmentation a : augmentations()) {
            float[] original = a instanceof AudioAugmentation ? clip.samples() : features.values();
            int changed = 0;
            for (long seed = 0; seed < 10; seed++) {
                if (!Arrays.equals(original, apply(a, clip, features, seed))) {
                    changed++;
                }
            }
            assertTrue(changed >= 5, a.parameters() + " changed its input in only " + changed + " of 10 draws");
        }
    }

    @Test
    void recreatingFromItsResolvedParametersGivesTheSameAugmentation() {
        AudioClip clip = TestAudio.clips(1, RATE, 23).get(0);
        Features features = matrix(5);
        for (Augmentation a : augmentations()) {
            Map<String, Object> stored = new LinkedHashMap<>(a.parameters().asMap());
            stored.values().removeIf(v -> v == null);
            Augmentation again = provider().create(stored);
            assertEquals(a.parameters().asMap(), again.parameters().asMap());
            assertArrayEquals(apply(a, clip, features, 5), apply(again, clip, features, 5));
        }
    }

    @Test
    void isSafeToCallFromSeveralThreadsAtOnce() throws Exception {
        List<AudioClip> clips = TestAudio.clips(16, RATE, 24);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Augmentation a : augmentations()) {
                List<Future<float[]>> parallel = new ArrayList<>();
                for (int i = 0; i < clips.size(); i++) {
                    long seed = i;
                    AudioClip clip = clips.get(i);
                    parallel.add(pool.submit(() -> apply(a, clip, matrix(seed), seed)));
                }
                for (int i = 0; i < clips.size(); i++) {
                    assertArrayEquals(apply(a, clips.get(i), matrix(i), i), parallel.get(i).get(), "clip " + i);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
