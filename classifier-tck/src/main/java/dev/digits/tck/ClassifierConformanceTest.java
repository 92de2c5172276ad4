package dev.digits.tck;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.plugin.PluginException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance suite every classifier backend passes. A backend's test extends it and says which provider,
 * which model type to exercise and with which (fast) hyper-parameters.
 */
public abstract class ClassifierConformanceTest {

    /** The backend under test. */
    protected abstract ClassifierProvider provider();

    /** A vector model type the backend supports, such as {@code mlp} or {@code logistic}. */
    protected abstract String vectorType();

    /** Hyper-parameters that make a test run fast (few epochs) but still learn the easy problem. */
    protected abstract Map<String, Object> fastParameters();

    /**
     * How far two trainings with the same seed may differ: 0 (the default) asserts the same numbers exactly. A
     * backend that cannot promise that returns a bound on the mean absolute difference of the probabilities
     * (and then at least 90% of examples must get the same predicted class), and says why in its javadoc.
     */
    protected float determinismTolerance() {
        return 0f;
    }

    protected final TrainingSet train = EasyProblem.vectors(30, 12, 1);
    protected final TrainingSet test = EasyProblem.vectors(10, 12, 2);

    protected ModelSpec spec(Map<String, Object> overrides) {
        Map<String, Object> raw = new java.util.HashMap<>(fastParameters());
        raw.putAll(overrides);
        return provider().spec(vectorType(), raw);
    }

    protected TrainedModel trainModel(ModelSpec spec, TrainingSet data) {
        return provider().create(spec).train(data, m -> { });
    }

    @Test
    void learnsAnEasyProblemWellAboveChance() {
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainedModel model = provider().create(spec(Map.of())).train(train, epochs::add);
        float[][] p = model.predictProbabilities(test.features());
        assertEquals(test.size(), p.length);
        for (float[] row : p) {
            assertEquals(10, row.length);
            double sum = 0;
            for (float v : row) {
                assertTrue(v >= -1e-6 && v <= 1 + 1e-6, "probability in [0,1]: " + v);
                sum += v;
            }
            assertEquals(1.0, sum, 1e-3, "probabilities sum to 1");
        }
        double acc = EasyProblem.accuracy(p, test.labels());
        assertTrue(acc >= 0.8, "accuracy " + acc + " on an easy 10-class problem (chance 0.1)");
        assertFalse(epochs.isEmpty(), "the listener hears about training progress");
        assertEquals(provider().name(), model.backend());
        assertArrayEquals(new int[] {12}, model.inputShape());
    }

    @Test
    void aModelTrainedForDecisionsLearnsTheEasyProblemToo() {
        TrainedModel model = provider().create(spec(Map.of())).trainForDecisions(train, m -> { });
        float[][] p = model.predictProbabilities(test.features());
        assertEquals(test.size(), p.length);
        double acc = EasyProblem.accuracy(p, test.labels());
        assertTrue(acc >= 0.8, "accuracy " + acc + " of a model trained for decisions on an easy 10-class problem");
    }

    @Test
    void savedModelPredictsExactlyTheSameAfterLoading() throws IOException {
        boolean hasStandardize = provider().parameters(vectorType()).stream().anyMatch(p -> p.name().equals("standardize"));
        for (boolean standardize : hasStandardize ? new boolean[] {false, true} : new boolean[] {false}) {
            TrainedModel model = trainModel(spec(hasStandardize ? Map.of("standardize", standardize) : Map.of()), train);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.save(bytes);
            TrainedModel loaded = provider().load(new ByteArrayInputStream(bytes.toByteArray()));
            float[][] before = model.predictProbabilities(test.features());
            float[][] after = loaded.predictProbabilities(test.features());
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i], "example " + i + ", standardize " + standardize);
            }
            assertEquals(model.spec().type(), loaded.spec().type());
            assertEquals(model.spec().parameters(), loaded.spec().parameters());
        }
    }

    @Test
    void sameSeedSamePredictions() {
        float[][] a = trainModel(spec(Map.of("seed", 7)), train).predictProbabilities(test.features());
        float[][] b = trainModel(spec(Map.of("seed", 7)), train).predictProbabilities(test.features());
        if (determinismTolerance() == 0f) {
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], "example " + i);
            }
            return;
        }
        double diff = 0;
        int values = 0;
        int sameClass = 0;
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < a[i].length; c++) {
                diff += Math.abs(a[i][c] - b[i][c]);
                values++;
            }
            if (dev.digits.training.ProbabilityMetrics.argmax(a[i]) == dev.digits.training.ProbabilityMetrics.argmax(b[i])) {
                sameClass++;
            }
        }
        assertTrue(diff / values <= determinismTolerance(), "mean |difference| " + diff / values);
        assertTrue(sameClass >= 0.9 * a.length, sameClass + " of " + a.length + " examples get the same class");
    }

    @Test
    void unsupportedSpecIsAClearError() {
        PluginException e = assertThrows(PluginException.class, () -> provider().spec("no-such-model", Map.of()));
        assertTrue(e.getMessage().contains("no-such-model") && e.getMessage().contains(vectorType()),
                "names the type and what is supported: " + e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> provider().spec(vectorType(), Map.of("noSuchParameter", 1)));
    }

    @Test
    void featuresOfTheWrongShapeAreAClearError() {
        TrainedModel model = trainModel(spec(Map.of()), train);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predictProbabilities(new float[][] {new float[5]}));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("12"), e.getMessage());
    }
}
