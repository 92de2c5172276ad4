package dev.digits.features.mfcc;

import dev.digits.api.audio.AudioClip;
import dev.digits.dsp.SilenceTrim;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.dsp.DspRevision;
import dev.digits.dsp.FramePooling;
import dev.digits.dsp.FrameProcessing;
import dev.digits.api.params.Parameters;

import java.util.Arrays;

/**
 * MFCCs with the same numbers as {@code librosa.feature.mfcc(y=librosa.load(path, sr=SR)[0], sr=SR)}:
 * {@link LibrosaMelPipeline} followed by an orthonormal DCT-II over the mel bands, optional liftering, and
 * pooling over time.
 */
public final class LibrosaMfcc implements FeatureExtractor {
    public static final String NAME = "mfcc-librosa";

    private final Parameters parameters;
    private final LibrosaMelPipeline pipeline;
    private final int nMfcc;
    private final double[][] dct;
    private final double[] lift;
    private final FrameProcessing output;
    private final SilenceTrim trim;

    public LibrosaMfcc(Parameters parameters) {
        this.parameters = parameters;
        MelSpectrogramConfig config = MelSpectrogramConfig.from(parameters);
        this.nMfcc = parameters.getInt("n_mfcc");
        if (nMfcc > config.nMels()) {
            throw new IllegalArgumentException("n_mfcc (" + nMfcc + ") must not exceed n_mels (" + config.nMels() + ")");
        }
        this.pipeline = new LibrosaMelPipeline(config);
        this.dct = dctMatrix(nMfcc, config.nMels(), "ortho".equals(parameters.getString("norm")));
        this.lift = lifter(nMfcc, parameters.getInt("lifter"));
        this.output = FrameProcessing.from(parameters);
        this.trim = SilenceTrim.from(parameters);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    /**
     * Own revision 2 (soxr's start transient at 8000 -> 22050 Hz), raised with every revision of the shared DSP
     * code it uses.
     */
    @Override
    public int revision() {
        return DspRevision.of(2);
    }

    @Override
    public boolean producesMatrix() {
        return output.pooling() == FramePooling.NONE;
    }

    public LibrosaMelPipeline pipeline() {
        return pipeline;
    }

    @Override
    public Features extract(AudioClip clip) {
        LibrosaMelPipeline.DbMel mel = pipeline.dbMel(trim.apply(clip));
        int t = mel.frames();
        if (output.pooling() == FramePooling.MEAN && output.passesMatrixThrough()) {
            // the DCT and liftering are linear: the time mean of the MFCCs is the MFCC of the mean dB frame
            return FramePooling.MEAN.apply(cepstrum(timeMean(mel.values(), mel.nMels(), t), mel.nMels(), 1), nMfcc, 1);
        }
        double[] mfcc = cepstrum(mel.values(), mel.nMels(), t);
        return output.apply(mfcc, nMfcc, t, () -> {
            double[] silence = new double[mel.nMels()];
            Arrays.fill(silence, mel.floorDb());
            return cepstrum(silence, mel.nMels(), 1);
        });
    }

    private static double[] timeMean(double[] m, int rows, int cols) {
        double[] mean = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += m[r * cols + c];
            }
            mean[r] = sum / cols;
        }
        return mean;
    }

    /** DCT over the mel axis of a {@code [nMels x t]} dB matrix, then liftering: {@code [nMfcc x t]}. */
    private double[] cepstrum(double[] db, int nMels, int t) {
        double[] out = new double[nMfcc * t];
        for (int k = 0; k < nMfcc; k++) {
            double[] basis = dct[k];
            double l = lift[k];
            for (int c = 0; c < t; c++) {
                double sum = 0;
                for (int m = 0; m < nMels; m++) {
                    sum += basis[m] * db[m * t + c];
                }
                out[k * t + c] = sum * l;
            }
        }
        return out;
    }

    /** Rows of the DCT-II basis, as scipy.fft.dct(type=2, norm='ortho' or None) computes it. */
    static double[][] dctMatrix(int nOut, int n, boolean ortho) {
        double[][] d = new double[nOut][n];
        for (int k = 0; k < nOut; k++) {
            double scale = ortho ? (k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n)) : 2.0;
            for (int m = 0; m < n; m++) {
                d[k][m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * n));
            }
        }
        return d;
    }

    private static double[] lifter(int nMfcc, int lifter) {
        double[] l = new double[nMfcc];
        for (int k = 0; k < nMfcc; k++) {
            l[k] = lifter > 0 ? 1 + (lifter / 2.0) * Math.sin(Math.PI * (k + 1) / lifter) : 1.0;
        }
        return l;
    }
}
