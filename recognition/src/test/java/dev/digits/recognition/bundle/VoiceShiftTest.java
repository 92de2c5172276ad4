package dev.digits.recognition.bundle;

import dev.digits.api.model.TrainingSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link VoiceShift}: a voice's offset from the training voices, told apart from which digits its clips hold. */
class VoiceShiftTest {
    private static final int DIM = 6;

    /** A digit's features as a voice says it: the digit's pattern plus the voice's offset plus a little noise. */
    private static float[] say(int digit, float[] voice, Random random) {
        float[] x = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            x[i] = (float) ((i == digit % DIM ? 3 : 0) + digit * 0.1 * i + voice[i] + 0.01 * random.nextGaussian());
        }
        return x;
    }

    /** Two training voices at +1 and -1 on every feature, 20 clips per digit each: their mean voice is 0. */
    private static TrainingSet training(Random random) {
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (float offset : new float[] {1, -1}) {
            float[] voice = new float[DIM];
            java.util.Arrays.fill(voice, offset);
            for (int d = 0; d < 10; d++) {
                for (int k = 0; k < 20; k++) {
                    x.add(say(d, voice, random));
                    y.add(d);
                }
            }
        }
        return new TrainingSet(x.toArray(float[][]::new), new int[] {DIM}, y.stream().mapToInt(Integer::intValue).toArray(), 10);
    }

    /** A voice's clips as examples labelled with their digits. */
    private static TrainingSet examples(List<float[]> clips, List<Integer> digits) {
        return new TrainingSet(clips.toArray(float[][]::new), new int[] {DIM},
                digits.stream().mapToInt(Integer::intValue).toArray(), 10);
    }

    @Test
    void theShiftTakesANewVoiceBackToTheTrainingVoicesWhicheverDigitsItsClipsHold() {
        Random random = new Random(3);
        TrainingSet base = training(random);
        float[] voice = {2, -3, 0.5f, 4, 0, -1};
        // unbalanced: three clips of 0, one of each of 1-6, none of 7-9
        List<float[]> clips = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        for (int d : new int[] {0, 0, 0, 1, 2, 3, 4, 5, 6}) {
            clips.add(say(d, voice, random));
            digits.add(d);
        }
        VoiceShift shift = VoiceShift.estimate(base, examples(clips, digits)).orElseThrow();
        for (int i = 0; i < DIM; i++) {
            assertEquals(-voice[i], shift.values()[i], 0.05, "feature " + i + ": " + java.util.Arrays.toString(shift.values()));
        }
        // shifted, the new voice's "eight" lands where the training voices' mean "eight" is
        float[] eight = shift.apply(say(8, voice, random));
        float[] meanEight = say(8, new float[DIM], new Random(4));
        for (int i = 0; i < DIM; i++) {
            assertEquals(meanEight[i], eight[i], 0.1);
        }
        assertTrue(shift.norm() > 5 && shift.norm() < 6, "length of (2, -3, 0.5, 4, 0, -1) is 5.6: " + shift.norm());
    }

    @Test
    void clipsOfFewerThanHalfTheDigitsGiveNoShift() {
        Random random = new Random(5);
        TrainingSet base = training(random);
        List<float[]> clips = new ArrayList<>();
        List<Integer> digits = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            clips.add(say(d, new float[DIM], random));
            digits.add(d);
        }
        assertTrue(VoiceShift.estimate(base, examples(clips, digits)).isEmpty(), "4 of 10 digits");
        clips.add(say(4, new float[DIM], random));
        digits.add(4);
        assertTrue(VoiceShift.estimate(base, examples(clips, digits)).isPresent(), "5 of 10 digits");
    }

    @Test
    void aTrainingSetIsShiftedRowByRowAndKeepsItsLabels() {
        VoiceShift shift = new VoiceShift(new float[] {1, -2});
        TrainingSet set = new TrainingSet(new float[][] {{0, 0}, {1, 1}}, new int[] {2}, new int[] {3, 4}, 10);
        TrainingSet shifted = shift.apply(set);
        assertArrayEquals(new float[] {1, -2}, shifted.features()[0]);
        assertArrayEquals(new float[] {2, -1}, shifted.features()[1]);
        assertArrayEquals(new int[] {3, 4}, shifted.labels());
        assertArrayEquals(new float[] {0, 0}, set.features()[0], "the original is left as it was");
    }
}
