package dev.digits.core.augment;

import dev.digits.api.augment.FeatureAugmentation;
import dev.digits.api.features.Features;
import dev.digits.api.params.Parameters;

import java.util.random.RandomGenerator;

/**
 * SpecAugment's masks (Park et al., 2019) on a {@code [coefficients x frames]} matrix: a few bands of rows
 * (frequency masks) and of columns (time masks), each of a random width up to a maximum, set to the
 * matrix's mean value.
 */
public final class SpecAugment implements FeatureAugmentation {
    private final Parameters parameters;
    private final int timeMasks;
    private final int timeWidth;
    private final int freqMasks;
    private final int freqWidth;

    SpecAugment(Parameters parameters) {
        this.parameters = parameters;
        this.timeMasks = parameters.getInt("time_masks");
        this.timeWidth = parameters.getInt("time_width");
        this.freqMasks = parameters.getInt("freq_masks");
        this.freqWidth = parameters.getInt("freq_width");
    }

    @Override
    public String name() {
        return SpecAugmentProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public boolean accepts(Features features) {
        return features.isMatrix();
    }

    @Override
    public Features apply(Features features, RandomGenerator random) {
        if (!features.isMatrix()) {
            throw new IllegalArgumentException("spec-augment needs matrix features ([coefficients x frames], pooling: "
                    + "none), got " + features);
        }
        int rows = features.rows();
        int cols = features.cols();
        float[] v = features.values().clone();
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        float fill = (float) (sum / Math.max(1, v.length));
        for (int m = 0; m < freqMasks; m++) {
            int w = random.nextInt(freqWidth + 1);
            int start = random.nextInt(Math.max(1, rows - w + 1));
            for (int r = start; r < Math.min(rows, start + w); r++) {
                java.util.Arrays.fill(v, r * cols, (r + 1) * cols, fill);
            }
        }
        for (int m = 0; m < timeMasks; m++) {
            int w = random.nextInt(timeWidth + 1);
            int start = random.nextInt(Math.max(1, cols - w + 1));
            for (int r = 0; r < rows; r++) {
                for (int c = start; c < Math.min(cols, start + w); c++) {
                    v[r * cols + c] = fill;
                }
            }
        }
        return Features.matrix(v, rows, cols);
    }
}
