package dev.digits.app;

import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.adapt.VoiceAdaptation;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.training.TrainingService;
import dev.digits.experiment.training.TrainingSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code adapt}'s held-back check on made-up data: ten clusters, one a digit, and a logistic regression. Clips filed
 * under the wrong digits teach the model to confuse two of them; the held-back part of the base examples shows it.
 */
class AdaptHeldBackCheckTest {
    static final ModelConfig LOGISTIC = new ModelConfig("logistic", "tribuo", "logistic", ConfigValues.of(Map.of()));
    final Random random = new Random(7);

    float[] point(int digit) {
        float[] p = new float[4];
        for (int k = 0; k < 4; k++) {
            p[k] = (float) (random.nextGaussian() * 0.3 + ((digit >> k) & 1) * 2 + (k == 0 ? digit * 0.1 : 0));
        }
        return p;
    }

    TrainingSet base() {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i < 60; i++) {
                rows.add(point(d));
                labels.add(d);
            }
        }
        return TrainingSets.of(rows, labels, new int[] {4}, 10);
    }

    VoiceAdaptation.Result adapt(TrainingSet base, List<VoiceAdaptation.Clip> clips) {
        TrainingService training = new TrainingService(Plugins.discover(getClass().getClassLoader()));
        var baseModel = training.train(LOGISTIC, 1, base, e -> { }).model();
        return new VoiceAdaptation(training).adapt(LOGISTIC, 1, base, baseModel, null, clips, 0.5, false, true, s -> { });
    }

    @Test
    void clipsFiledUnderTheWrongDigitsShowInTheHeldBackPart() {
        TrainingSet base = base();
        List<VoiceAdaptation.Clip> clips = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // threes filed as eights and eights as threes
            clips.add(new VoiceAdaptation.Clip("three" + i, 8, point(3)));
            clips.add(new VoiceAdaptation.Clip("eight" + i, 3, point(8)));
        }
        VoiceAdaptation.OwnDataCheck check = adapt(base, clips).ownData();
        assertTrue(check.examples() == 60, check.toString());
        assertTrue(check.worse(), check.toString());
    }

    @Test
    void theBaseExamplesAreSampledTheSameNumberOfEachDigitWithTheSeed() {
        TrainingSet base = base(); // 60 of each digit
        TrainingSet s = VoiceAdaptation.sample(base, 200, 1);
        assertEquals(200, s.size());
        for (int d = 0; d < 10; d++) {
            final int digit = d;
            assertEquals(20, java.util.Arrays.stream(s.labels()).filter(l -> l == digit).count());
        }
        assertTrue(java.util.Arrays.deepEquals(s.features(), VoiceAdaptation.sample(base, 200, 1).features()));
        assertFalse(java.util.Arrays.deepEquals(s.features(), VoiceAdaptation.sample(base, 200, 2).features()));
        assertEquals(base.size(), VoiceAdaptation.sample(base, 0, 1).size(), "0: all of them");
        assertEquals(base.size(), VoiceAdaptation.sample(base, 5000, 1).size());
    }

    @Test
    void clipsFiledRightLeaveTheHeldBackPartAsItWas() {
        TrainingSet base = base();
        List<VoiceAdaptation.Clip> clips = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            clips.add(new VoiceAdaptation.Clip("clip" + d, d, point(d)));
        }
        VoiceAdaptation.OwnDataCheck check = adapt(base, clips).ownData();
        assertFalse(check.worse(), check.toString());
    }
}
