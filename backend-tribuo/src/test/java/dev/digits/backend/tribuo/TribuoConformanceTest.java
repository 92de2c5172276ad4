package dev.digits.backend.tribuo;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.plugin.PluginException;
import dev.digits.tck.ClassifierConformanceTest;
import dev.digits.tck.EasyProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conformance suite on every Tribuo model type. */
class TribuoConformanceTest {
    private static final TribuoProvider PROVIDER = new TribuoProvider();

    abstract static class Base extends ClassifierConformanceTest {
        @Override
        protected ClassifierProvider provider() {
            return PROVIDER;
        }
    }

    @Nested
    class Logistic extends Base {
        @Override
        protected String vectorType() {
            return "logistic";
        }

        @Override
        protected Map<String, Object> fastParameters() {
            return Map.of("epochs", 10);
        }
    }

    @Nested
    class Svm extends Base {
        @Override
        protected String vectorType() {
            return "svm";
        }

        @Override
        protected Map<String, Object> fastParameters() {
            return Map.of();
        }
    }

    @Nested
    class XGBoost extends Base {
        @Override
        protected String vectorType() {
            return "xgboost";
        }

        @Override
        protected Map<String, Object> fastParameters() {
            return Map.of("trees", 20);
        }
    }

    @Nested
    class Forest extends Base {
        @Override
        protected String vectorType() {
            return "forest";
        }

        @Override
        protected Map<String, Object> fastParameters() {
            return Map.of("trees", 30);
        }
    }

    @Nested
    class Knn extends Base {
        @Override
        protected String vectorType() {
            return "knn";
        }

        @Override
        protected Map<String, Object> fastParameters() {
            return Map.of("k", 3);
        }
    }

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
