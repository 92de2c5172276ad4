package dev.digits.recognition.bundle;

import dev.digits.api.model.TrainingSet;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What sets one voice apart from the voices a model learnt, as a constant added to that voice's features: the
 * training examples' mean minus the voice's clips' mean, each the mean over digits of the per-digit means (so that
 * which digits the clips hold does not count as voice). With a pre-trained extractor most of a new speaker's
 * difference is such an offset; removing it before the classifier is what {@code digits adapt} does first.
 */
public record VoiceShift(float[] values) {
    /** The shift is estimated only from clips of at least this share of the digits. */
    public static final double MIN_DIGIT_SHARE = 0.5;

    /**
     * The shift for a voice's examples (its clips and their copies, labelled with their digits), or empty when they
     * cover fewer than {@link #MIN_DIGIT_SHARE} of the digits (too few to tell the voice from what was said).
     */
    public static Optional<VoiceShift> estimate(TrainingSet base, TrainingSet voiceExamples) {
        TreeSet<Integer> digits = new TreeSet<>();
        for (int d : voiceExamples.labels()) {
            digits.add(d);
        }
        if (digits.size() < MIN_DIGIT_SHARE * base.numClasses()) {
            return Optional.empty();
        }
        int n = base.features()[0].length;
        double[] voice = meanOfDigitMeans(List.of(voiceExamples.features()), voiceExamples.labels(), digits, n);
        double[] training = meanOfDigitMeans(List.of(base.features()), base.labels(), digits, n);
        float[] shift = new float[n];
        for (int i = 0; i < n; i++) {
            shift[i] = (float) (training[i] - voice[i]);
        }
        return Optional.of(new VoiceShift(shift));
    }

    /** Mean over {@code digits} of the mean feature vector of each digit's rows. */
    private static double[] meanOfDigitMeans(List<float[]> rows, int[] labels, TreeSet<Integer> digits, int n) {
        double[] out = new double[n];
        for (int d : digits) {
            double[] sum = new double[n];
            int count = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (labels[r] != d) {
                    continue;
                }
                float[] x = rows.get(r);
                for (int i = 0; i < n; i++) {
                    sum[i] += x[i];
                }
                count++;
            }
            for (int i = 0; i < n; i++) {
                out[i] += sum[i] / count / digits.size();
            }
        }
        return out;
    }

    /** The features with the shift added (a new array). */
    public float[] apply(float[] features) {
        if (features.length != values.length) {
            throw new IllegalArgumentException("features of " + features.length + " values, the shift has "
                    + values.length);
        }
        float[] out = new float[features.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = features[i] + values[i];
        }
        return out;
    }

    /** Every row of the set shifted. */
    public TrainingSet apply(TrainingSet set) {
        float[][] x = new float[set.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = apply(set.features()[i]);
        }
        return new TrainingSet(x, set.shape(), set.labels(), set.numClasses());
    }

    /** The length of the shift (Euclidean norm), for reports. */
    public double norm() {
        double s = 0;
        for (float v : values) {
            s += v * (double) v;
        }
        return Math.sqrt(s);
    }
}
