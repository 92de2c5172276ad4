package dev.digits.backend.tribuo;

import dev.digits.api.model.TrainedModel;
import dev.digits.api.plugin.PluginException;
import dev.digits.tck.EasyProblem;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour specific to the Tribuo backend (the shared suite runs in Tribuo*ConformanceTest). */
class TribuoBackendTest {
    private static final TribuoProvider PROVIDER = new TribuoProvider();

    @Test
    void mlpIsRejectedNamingTheBackendsThatHaveIt() {
        PluginException e = assertThrows(PluginException.class, () -> PROVIDER.spec("mlp", Map.of()));
        assertTrue(e.getMessage().contains("dl4j") && e.getMessage().contains("tensorflow"), e.getMessage());
    }

    @Test
    void matrixFeaturesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROVIDER
                .create(PROVIDER.spec("knn", Map.of())).train(EasyProblem.matrices(3, 4, 3, 1), m -> { }));
        assertTrue(e.getMessage().contains("pooling"), e.getMessage());
    }

    @Test
    void provenanceNamesTheTrainer() {
        TrainedModel m = PROVIDER.create(PROVIDER.spec("logistic", Map.of("epochs", 2)))
                .train(EasyProblem.vectors(5, 4, 1), x -> { });
        assertTrue(m.provenance().get("tribuo.provenance").contains("LinearSGDTrainer"), m.provenance().toString());
    }
}
