package dev.digits.features.mfcc;

/**
 * A mel filter bank as {@code librosa.filters.mel} builds it (Slaney or HTK mel scale, optional Slaney area
 * normalisation), stored sparsely: each filter keeps only its non-zero span of FFT bins.
 */
public final class MelFilterBank {
    private final int[] start;
    private final double[][] weights;
    private final int nBins;

    /**
     * @param sr       sample rate
     * @param nFft     FFT size (filters cover its {@code 1 + nFft/2} bins)
     * @param nMels    number of filters
     * @param fmin     lowest frequency in Hz
     * @param fmax     highest frequency in Hz
     * @param htk      HTK mel formula instead of Slaney's
     * @param slaneyNorm divide each triangle by its width in Hz (constant energy per channel)
     */
    public MelFilterBank(double sr, int nFft, int nMels, double fmin, double fmax, boolean htk, boolean slaneyNorm) {
        if (fmax <= fmin) {
            throw new IllegalArgumentException("fmax (" + fmax + ") must be above fmin (" + fmin + ")");
        }
        nBins = 1 + nFft / 2;
        double[] fftFreqs = new double[nBins];
        for (int i = 0; i < nBins; i++) {
            fftFreqs[i] = i * sr / nFft;
        }
        double minMel = hzToMel(fmin, htk);
        double maxMel = hzToMel(fmax, htk);
        double[] melF = new double[nMels + 2];
        for (int i = 0; i < melF.length; i++) {
            melF[i] = melToHz(minMel + (maxMel - minMel) * i / (nMels + 1), htk);
        }
        start = new int[nMels];
        weights = new double[nMels][];
        double[] row = new double[nBins];
        for (int m = 0; m < nMels; m++) {
            double lowDiff = melF[m + 1] - melF[m];
            double highDiff = melF[m + 2] - melF[m + 1];
            double enorm = slaneyNorm ? 2.0 / (melF[m + 2] - melF[m]) : 1.0;
            int first = -1;
            int last = -1;
            for (int k = 0; k < nBins; k++) {
                double lower = (fftFreqs[k] - melF[m]) / lowDiff;
                double upper = (melF[m + 2] - fftFreqs[k]) / highDiff;
                double w = Math.max(0, Math.min(lower, upper)) * enorm;
                row[k] = w;
                if (w > 0) {
                    if (first < 0) {
                        first = k;
                    }
                    last = k;
                }
            }
            if (first < 0) {
                start[m] = 0;
                weights[m] = new double[0];
            } else {
                start[m] = first;
                weights[m] = java.util.Arrays.copyOfRange(row, first, last + 1);
            }
        }
    }

    public int size() {
        return weights.length;
    }

    /** Filter energies of one power spectrum of {@code 1 + nFft/2} bins, written to {@code out[offset + m*stride]}. */
    public void apply(double[] spectrum, double[] out, int offset, int stride) {
        apply(spectrum, nBins, out, offset, stride);
    }

    /**
     * As {@link #apply(double[], double[], int, int)} for a spectrum whose bins from {@code bins} on are zero
     * (and need not be stored).
     */
    public void apply(double[] spectrum, int bins, double[] out, int offset, int stride) {
        for (int m = 0; m < weights.length; m++) {
            double[] w = weights[m];
            int s = start[m];
            int end = Math.min(w.length, bins - s);
            double sum = 0;
            for (int i = 0; i < end; i++) {
                sum += w[i] * spectrum[s + i];
            }
            out[offset + m * stride] = sum;
        }
    }

    static double hzToMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        double fSp = 200.0 / 3;
        double minLogHz = 1000.0;
        double minLogMel = minLogHz / fSp;
        double logStep = Math.log(6.4) / 27.0;
        return hz >= minLogHz ? minLogMel + Math.log(hz / minLogHz) / logStep : hz / fSp;
    }

    static double melToHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        double fSp = 200.0 / 3;
        double minLogHz = 1000.0;
        double minLogMel = minLogHz / fSp;
        double logStep = Math.log(6.4) / 27.0;
        return mel >= minLogMel ? minLogHz * Math.exp(logStep * (mel - minLogMel)) : fSp * mel;
    }
}
