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
 * A log-mel spectrogram in dB, as {@code librosa.power_to_db(librosa.feature.melspectrogram(...))} computes
 * it: the input a CNN or a plot of the mel spectrogram wants.
 */
public final class LibrosaLogMel implements FeatureExtractor {
    public static final String NAME = "logmel-librosa";

    private final Parameters parameters;
    private final LibrosaMelPipeline pipeline;
    private final FrameProcessing output;
    private final SilenceTrim trim;

    public LibrosaLogMel(Parameters parameters) {
        this.parameters = parameters;
        this.pipeline = new LibrosaMelPipeline(MelSpectrogramConfig.from(parameters));
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

    @Override
    public Features extract(AudioClip clip) {
        LibrosaMelPipeline.DbMel mel = pipeline.dbMel(trim.apply(clip));
        return output.apply(mel.values(), mel.nMels(), mel.frames(), () -> {
            double[] silence = new double[mel.nMels()];
            Arrays.fill(silence, mel.floorDb());
            return silence;
        });
    }
}
