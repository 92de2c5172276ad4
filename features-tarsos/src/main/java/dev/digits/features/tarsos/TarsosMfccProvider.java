package dev.digits.features.tarsos;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.dsp.SilenceTrim;
import dev.digits.dsp.FrameProcessing;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.ArrayList;
import java.util.List;

/** Plugin {@code mfcc-tarsos}: TarsosDSP's MFCC at the clip's own sample rate (GPL-3.0 module). */
public final class TarsosMfccProvider implements FeatureExtractorProvider {

    @Override
    public String name() {
        return TarsosMfcc.NAME;
    }

    @Override
    public String description() {
        return "TarsosDSP's MFCC (magnitude spectrum, natural log, unnormalised DCT) at the clip's own rate";
    }

    @Override
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>(List.of(
                ParameterSpec.integer("n_mfcc", 40, 1, 1024, "coefficients kept"),
                ParameterSpec.integer("buffer_size", 2048, 64, 65536, "frame (and FFT) size in samples"),
                ParameterSpec.integer("hop_length", 512, 1, 65536, "samples between frames (overlap = buffer_size - hop_length)"),
                ParameterSpec.integer("n_mels", 128, 1, 1024, "mel filters"),
                ParameterSpec.number("fmin", 0.0, 0, 192000, "lowest filter frequency (Hz)"),
                ParameterSpec.number("fmax", null, 1, 192000, "highest filter frequency in Hz (none: sr/2)")));
        specs.add(SilenceTrim.parameter());
        specs.addAll(FrameProcessing.parameters());
        return specs;
    }

    @Override
    public FeatureExtractor create(Parameters parameters) {
        return new TarsosMfcc(parameters);
    }
}
