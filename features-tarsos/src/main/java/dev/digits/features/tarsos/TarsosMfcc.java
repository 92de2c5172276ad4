package dev.digits.features.tarsos;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.mfcc.MFCC;
import dev.digits.api.audio.AudioClip;
import dev.digits.dsp.SilenceTrim;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.dsp.DspRevision;
import dev.digits.dsp.FramePooling;
import dev.digits.dsp.FrameProcessing;
import dev.digits.api.params.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * TarsosDSP's own MFCC ({@code be.tarsos.dsp.mfcc.MFCC}) run over the clip with TarsosDSP's dispatcher, at the
 * clip's own sample rate. A second, independent implementation to compare against {@code mfcc-librosa}: it
 * uses the magnitude spectrum, natural-log energies and an unnormalised DCT, so its numbers differ.
 */
public final class TarsosMfcc implements FeatureExtractor {
    public static final String NAME = "mfcc-tarsos";

    private final Parameters parameters;
    private final int bufferSize;
    private final int hop;
    private final int nMfcc;
    private final int nMels;
    private final float fmin;
    private final Double fmax;
    private final FrameProcessing output;
    private final SilenceTrim trim;

    public TarsosMfcc(Parameters p) {
        this.parameters = p;
        this.bufferSize = p.getInt("buffer_size");
        this.hop = p.getInt("hop_length");
        this.nMfcc = p.getInt("n_mfcc");
        this.nMels = p.getInt("n_mels");
        this.fmin = (float) p.getDouble("fmin");
        this.fmax = p.get("fmax") == null ? null : p.getDouble("fmax");
        this.output = FrameProcessing.from(p);
        this.trim = SilenceTrim.from(p);
        if (hop > bufferSize) {
            throw new IllegalArgumentException("hop_length (" + hop + ") must not exceed buffer_size (" + bufferSize + ")");
        }
        if (nMfcc > nMels) {
            throw new IllegalArgumentException("n_mfcc (" + nMfcc + ") must not exceed n_mels (" + nMels + ")");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    /** Own revision 1, raised with every revision of the shared DSP code it uses. */
    @Override
    public int revision() {
        return DspRevision.of(1);
    }

    @Override
    public boolean producesMatrix() {
        return output.pooling() == FramePooling.NONE;
    }

    @Override
    public Features extract(AudioClip clip) {
        int sr = clip.sampleRate();
        float top = (float) (fmax == null ? sr / 2.0 : Math.min(fmax, sr / 2.0));
        float[] samples = trim.apply(clip).samples();
        if (samples.length < bufferSize) {
            // TarsosDSP emits no frame for input shorter than one buffer: pad with silence
            samples = java.util.Arrays.copyOf(samples, bufferSize);
        }
        List<float[]> columns = run(samples, sr, top);
        int t = columns.size();
        double[] matrix = new double[nMfcc * t];
        for (int c = 0; c < t; c++) {
            float[] col = columns.get(c);
            for (int r = 0; r < nMfcc; r++) {
                matrix[r * t + c] = col[r];
            }
        }
        return output.apply(matrix, nMfcc, t, () -> {
            float[] silent = run(new float[bufferSize], sr, top).get(0);
            double[] silence = new double[nMfcc];
            for (int r = 0; r < nMfcc; r++) {
                silence[r] = silent[r];
            }
            return silence;
        });
    }

    private List<float[]> run(float[] samples, int sr, float top) {
        AudioDispatcher dispatcher;
        try {
            dispatcher = AudioDispatcherFactory.fromFloatArray(samples, sr, bufferSize, bufferSize - hop);
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("TarsosDSP cannot take " + sr + " Hz audio: " + e.getMessage(), e);
        }
        MFCC mfcc = new MFCC(bufferSize, sr, nMfcc, nMels, fmin, top);
        List<float[]> columns = new ArrayList<>();
        dispatcher.addAudioProcessor(mfcc);
        dispatcher.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent event) {
                columns.add(mfcc.getMFCC().clone());
                return true;
            }

            @Override
            public void processingFinished() {
            }
        });
        dispatcher.run();
        return columns;
    }
}
