package dev.digits.features.mfcc;

/**
 * Where soxr HQ's output (librosa's default resampler) departs from exact band-limited interpolation at the
 * start of a clip: its first few output samples carry a short, high-pitched transient proportional to the
 * clip's first sample, which {@link BandLimitedResampler} adds so that librosa's numbers carry over. Measured
 * for 8000 to 22050 Hz (FSDD's rate to the notebook's) from librosa's resampled fixtures: a least-squares fit
 * on the first sample alone leaves residuals of 3-8e-6, the level of the rest of the signal; the first two
 * samples explain no more. No transient is known for other rate pairs, so none is added there.
 */
final class SoxrStartTransient {
    /** soxr's output minus the band-limited one, per unit of the first input sample, 8000 -> 22050 Hz. */
    private static final double[] FSDD_TO_22050 = {-0.033838, 0.057409, -0.019306, -0.004599, 0.005281, -0.000919};
    private static final double[] NONE = new double[0];

    private SoxrStartTransient() {
    }

    /** The offsets to add to output samples 0, 1, ... of a clip resampled {@code from -> to} whose first sample is {@code first}. */
    static double[] offsets(int from, int to, float first) {
        if (from != 8000 || to != 22050 || first == 0) {
            return NONE;
        }
        double[] out = new double[FSDD_TO_22050.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = FSDD_TO_22050[i] * first;
        }
        return out;
    }
}
