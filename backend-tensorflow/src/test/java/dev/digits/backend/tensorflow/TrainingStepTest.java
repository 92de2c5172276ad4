package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.ProbabilityMetrics;
import dev.digits.api.model.TrainingSet;
import dev.digits.tck.EasyProblem;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training step TensorFlow's backend builds: Adam's arithmetic, and plain gradient descent. */
class TrainingStepTest {
    private final TensorFlowProvider provider = new TensorFlowProvider();
    private final TrainingSet data = EasyProblem.vectors(10, 12, 1);

    private List<float[]> weights(Session session, NetworkGraph graph) {
        List<float[]> out = new ArrayList<>();
        for (var w : graph.weights) {
            try (Result r = session.runner().fetch(w).run()) {
                out.add(Tensors.flat((TFloat32) r.get(0)));
            }
        }
        return out;
    }

    /** One full-batch step; returns every weight's change. */
    private List<float[]> firstStepChanges(String optimizer, double learningRate) {
        ModelSpec spec = provider.spec("mlp", Map.of("hidden", "[16]", "optimizer", optimizer,
                "learningRate", learningRate, "seed", 3));
        MlpGraph graph = new MlpGraph(spec, data.width(), data.numClasses(), null);
        try (Session session = TensorFlowClassifier.session(graph.graph)) {
            session.initialize();
            List<float[]> before = weights(session, graph);
            try (TFloat32 x = Tensors.matrix(data.features(), data.width()); TFloat32 y = Tensors.oneHot(data.labels(), 10)) {
                session.runner().feed(graph.x, x).feed(graph.y, y).addTarget(graph.train).run();
            }
            List<float[]> after = weights(session, graph);
            List<float[]> changes = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                float[] d = new float[before.get(i).length];
                for (int k = 0; k < d.length; k++) {
                    d[k] = after.get(i)[k] - before.get(i)[k];
                }
                changes.add(d);
            }
            return changes;
        } finally {
            graph.graph.close();
        }
    }

    @Test
    void adamsFirstStepMovesEveryWeightWithAGradientByTheLearningRate() {
        // step 1: m = 0.1 g, v = 0.001 g^2, lr_1 = lr sqrt(1 - 0.999) / (1 - 0.9), so lr_1 m / sqrt(v) = lr sign(g)
        // (up to epsilon); a step count advanced too early would give 0.74 lr
        int moved = 0;
        int total = 0;
        for (float[] d : firstStepChanges("adam", 0.01)) {
            for (float v : d) {
                total++;
                if (Math.abs(v) > 1e-6) {
                    assertEquals(0.01, Math.abs(v), 2e-5, "a weight's first Adam step");
                    moved++;
                }
            }
        }
        assertTrue(moved > total / 2, moved + " of " + total + " weights moved");
    }

    @Test
    void gradientDescentTrainsAndRepeatsItself() {
        ModelSpec spec = provider.spec("mlp", Map.of("hidden", "[32]", "optimizer", "sgd", "learningRate", 0.1,
                "epochs", 20, "seed", 5));
        TrainingSet test = EasyProblem.vectors(5, 12, 2);
        float[][] a = provider.create(spec).train(data, m -> { }).predictProbabilities(test.features());
        float[][] b = provider.create(spec).train(data, m -> { }).predictProbabilities(test.features());
        assertTrue(ProbabilityMetrics.accuracy(a, test.labels()) >= 0.8, "sgd accuracy " + ProbabilityMetrics.accuracy(a, test.labels()));
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "example " + i);
        }
        // gradient descent's first step is lr x gradient: small weights move by different amounts, not all by lr
        float first = Float.NaN;
        boolean differ = false;
        for (float[] d : firstStepChanges("sgd", 0.1)) {
            for (float v : d) {
                if (Math.abs(v) > 1e-6) {
                    differ |= !Float.isNaN(first) && Math.abs(Math.abs(v) - first) > 1e-4;
                    first = Math.abs(v);
                }
            }
        }
        assertTrue(differ, "sgd steps are proportional to the gradients");
    }
}
