package dev.digits.tck;

import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.ProbabilityMetrics;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.model.ClassifierProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance suite for backends of the shared neural-net spec ({@code mlp} and {@code cnn}): the CNN learns
 * small matrices and round-trips, validation and early stopping work, and each type rejects the other's input.
 */
public abstract class NeuralNetConformanceTest {
    private final ClassifierProvider provider = provider();

    /** The neural-net backend under test. */
    protected abstract ClassifierProvider provider();

    @Test
    void cnnLearnsSmallMatricesAndRoundTrips() throws Exception {
        TrainingSet train = EasyProblem.matrices(20, 8, 6, 1);
        TrainingSet test = EasyProblem.matrices(5, 8, 6, 2);
        ModelSpec spec = provider.spec("cnn", Map.of("filters", "[8, 16]", "dense", 32, "epochs", 12, "learningRate", 0.005));
        TrainedModel model = provider.create(spec).train(train, m -> { });
        float[][] p = model.predictProbabilities(test.features());
        double acc = ProbabilityMetrics.accuracy(p, test.labels());
        assertTrue(acc >= 0.8, "cnn accuracy " + acc);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        float[][] again = provider.load(new ByteArrayInputStream(bytes.toByteArray())).predictProbabilities(test.features());
        for (int i = 0; i < p.length; i++) {
            assertArrayEquals(p[i], again[i]);
        }
    }

    @Test
    void cnnSameSeedSamePredictions() {
        TrainingSet train = EasyProblem.matrices(12, 8, 6, 3);
        TrainingSet test = EasyProblem.matrices(4, 8, 6, 4);
        ModelSpec spec = provider.spec("cnn", Map.of("filters", "[8]", "dense", 16, "epochs", 4, "seed", 11));
        float[][] a = provider.create(spec).train(train, m -> { }).predictProbabilities(test.features());
        float[][] b = provider.create(spec).train(train, m -> { }).predictProbabilities(test.features());
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "example " + i + ": the same seed must train the same cnn, bit for bit");
        }
        ModelSpec other = provider.spec("cnn", Map.of("filters", "[8]", "dense", 16, "epochs", 4, "seed", 12));
        float[][] c = provider.create(other).train(train, m -> { }).predictProbabilities(test.features());
        assertFalse(java.util.Arrays.deepEquals(a, c), "another seed trains another cnn");
    }

    @Test
    void validationIsReportedAndEarlyStoppingStops() {
        TrainingSet train = EasyProblem.vectors(20, 6, 3);
        List<EpochMetrics> epochs = new ArrayList<>();
        provider.create(provider.spec("mlp", Map.of("hidden", "[16]", "epochs", 300, "validationFraction", 0.25,
                "earlyStopping", Map.of("patience", 3), "learningRate", 0.05))).train(train, epochs::add);
        assertTrue(epochs.get(0).hasValidation());
        assertTrue(epochs.size() < 300, "stopped early after " + epochs.size() + " epochs");
        assertEquals(300, epochs.get(0).epochs());
        assertTrue(epochs.stream().allMatch(e -> e.validationAccuracy() >= 0 && e.validationAccuracy() <= 1));
    }

    @Test
    void earlyStoppingWithoutValidationIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.create(
                provider.spec("mlp", Map.of("earlyStopping", Map.of("patience", 2)))).train(EasyProblem.vectors(3, 4, 1), m -> { }));
        assertTrue(e.getMessage().contains("validationFraction"), e.getMessage());
    }

    @Test
    void mlpRejectsMatricesAndCnnRejectsVectors() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> provider.create(provider.spec("mlp",
                Map.of("epochs", 1))).train(EasyProblem.matrices(2, 4, 4, 1), m -> { }));
        assertTrue(a.getMessage().contains("pooling: mean"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> provider.create(provider.spec("cnn",
                Map.of("epochs", 1))).train(EasyProblem.vectors(2, 16, 1), m -> { }));
        assertTrue(b.getMessage().contains("pooling: none"), b.getMessage());
        assertFalse(provider.modelTypes().contains("logistic"));
    }
}
