package dev.digits.training;

import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.params.Parameters;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpochLoopTest {
    private static final ModelSpec SPEC = new ModelSpec("mlp", Parameters.resolve(NeuralNetSpec.forType("mlp"),
            Map.of("epochs", 5, "validationFraction", 0.0), "test"));

    private static TrainingSet data() {
        float[][] x = new float[20][];
        int[] y = new int[20];
        for (int i = 0; i < 20; i++) {
            x[i] = new float[] {i, -i};
            y[i] = i % 2;
        }
        return new TrainingSet(x, new int[] {2}, y, 2);
    }

    /** A network whose loss and outputs are whatever the test says. */
    private static EpochLoop.Network<Object> network(double loss, float output) {
        TrainedModel model = new TrainedModel() {
            public String backend() {
                return "fake";
            }

            public ModelSpec spec() {
                return SPEC;
            }

            public int[] inputShape() {
                return new int[] {2};
            }

            public int numClasses() {
                return 2;
            }

            public float[][] predictProbabilities(float[][] batch) {
                float[][] p = new float[batch.length][];
                for (int i = 0; i < batch.length; i++) {
                    p[i] = new float[] {output, 1 - output};
                }
                return p;
            }

            public void save(OutputStream out) {
            }
        };
        return new EpochLoop.Network<>() {
            public TrainedModel model() {
                return model;
            }

            public double step(int[] order, int start, int end) {
                return loss;
            }

            public Object snapshot() {
                return new Object();
            }

            public void restore(Object weights) {
            }
        };
    }

    @Test
    void aFiniteRunReturnsTheModelAndReportsEveryEpoch() {
        int[] epochs = {0};
        EpochLoop.Network<Object> net = network(0.5, 0.3f);
        TrainedModel m = EpochLoop.train(SPEC, data(), e -> epochs[0]++, (t, s) -> net);
        assertSame(net.model(), m);
        assertEquals(5, epochs[0]);
    }

    @Test
    void aNonFiniteLossFailsTraining() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EpochLoop.train(SPEC, data(), x -> { }, (t, s) -> network(Double.NaN, 0.3f)));
        assertTrue(e.getMessage().contains("training diverged") && e.getMessage().contains("epoch 1"), e.getMessage());
    }

    @Test
    void nonFiniteOutputsFailTraining() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EpochLoop.train(SPEC, data(), x -> { }, (t, s) -> network(0.5, Float.NaN)));
        assertTrue(e.getMessage().contains("NaN or infinite probabilities for 20 of 20"), e.getMessage());
    }
}
