package dev.digits.app;

import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.training.TrainingEstimate;
import dev.digits.experiment.training.TrainingService;
import dev.digits.experiment.training.TrainingSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code train} says before it starts, from pilot trainings (how close it is: {@code bench head}). */
class TrainingEstimateTest {
    static TrainingSet set(int n) {
        Random random = new Random(3);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int d = i % 10;
            float[] row = new float[8];
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) (random.nextGaussian() + (k == d % 8 ? 3 : 0));
            }
            rows.add(row);
            labels.add(d);
        }
        return TrainingSets.of(rows, labels, new int[] {8}, 10);
    }

    @Test
    void pilotsOnSamplesGiveAnEstimateForTheWholeSet() {
        TrainingService training = new TrainingService(Plugins.discover(getClass().getClassLoader()));
        ModelConfig logistic = new ModelConfig("logistic", "tribuo", "logistic", ConfigValues.of(Map.of()));
        TrainingEstimate e = TrainingEstimate.of(training, logistic, 1, set(20_000));
        assertEquals(TrainingEstimate.PILOT, e.pilotExamples());
        assertTrue(e.exponent() >= 1 && e.exponent() <= 2.5, e.toString());
        // at least the 4m pilot scaled linearly to 5 times as many examples
        assertTrue(e.seconds() >= 5 * e.pilotSeconds() * 0.999, e.toString());
        assertTrue(e.said().startsWith("about "), e.said());
        assertThrows(IllegalArgumentException.class, () -> TrainingEstimate.of(training, logistic, 1, set(12)));
    }

    @Test
    void theEstimateIsSaidInUnitsPeopleUse() {
        assertEquals("about 40 s", new TrainingEstimate(40, 1000, 1, 1).said());
        assertEquals("about 7 min", new TrainingEstimate(420, 1000, 1, 1).said());
        assertEquals("about 2.5 h", new TrainingEstimate(9000, 1000, 1, 1).said());
    }
}
