package dev.digits.features.mfcc;

import dev.digits.dsp.SilenceTrim;
import dev.digits.dsp.FrameProcessing;
import dev.digits.api.params.ParameterSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of the librosa-compatible extractors, with librosa's names and defaults. */
final class LibrosaParameters {
    private LibrosaParameters() {
    }

    /** Loading and mel-spectrogram parameters, shared by {@code mfcc-librosa} and {@code logmel-librosa}. */
    static List<ParameterSpec> melSpectrogram() {
        return List.of(
                ParameterSpec.integer("sr", 22050, 1000, 384000, "resample every clip to this rate (librosa.load sr)")
                        .orWords("native"),
                ParameterSpec.integer("n_fft", 2048, 16, 65536, "FFT size"),
                ParameterSpec.integer("hop_length", 512, 1, 65536, "samples between frames"),
                new ParameterSpec("win_length", dev.digits.api.params.ParameterType.INT, null,
                        "window length (none: n_fft)", List.of(), java.util.Set.of(), 1.0, 65536.0),
                ParameterSpec.choice("window", "hann", WindowFunction.ids(), "analysis window (periodic)"),
                ParameterSpec.bool("center", true, "pad so frame t is centred at t * hop_length"),
                ParameterSpec.choice("pad_mode", "constant", List.of("constant", "reflect", "edge"),
                        "padding when center is true"),
                ParameterSpec.number("power", 2.0, 0.1, 4, "exponent of the magnitude spectrum"),
                ParameterSpec.integer("n_mels", 128, 1, 1024, "mel filters"),
                ParameterSpec.number("fmin", 0.0, 0, 192000, "lowest mel frequency (Hz)"),
                ParameterSpec.number("fmax", null, 1, 192000, "highest mel frequency in Hz (none: sr/2)"),
                ParameterSpec.bool("htk", false, "HTK mel formula instead of Slaney's"),
                ParameterSpec.choice("mel_norm", "slaney", List.of("slaney", "none"), "mel filter normalisation"),
                ParameterSpec.number("ref", 1.0, 1e-20, 1e20, "power_to_db reference"),
                ParameterSpec.number("amin", 1e-10, 1e-30, 1, "power_to_db floor"),
                ParameterSpec.number("top_db", 80.0, 0, 1000, "dynamic range below the peak, in dB").orWords("none"));
    }

    /** {@code pooling}, {@code frames}, {@code deltas}, {@code cmvn}: shared by every extractor that outputs a matrix. */
    static List<ParameterSpec> output() {
        List<ParameterSpec> all = new ArrayList<>();
        all.add(SilenceTrim.parameter());
        all.addAll(FrameProcessing.parameters());
        return all;
    }

    static List<ParameterSpec> mfcc() {
        List<ParameterSpec> all = new ArrayList<>();
        all.add(ParameterSpec.integer("n_mfcc", 40, 1, 1024, "coefficients kept (the notebook used 40)"));
        all.addAll(melSpectrogram());
        all.add(ParameterSpec.integer("dct_type", 2, 2, 2, "DCT type (2)"));
        all.add(ParameterSpec.choice("norm", "ortho", List.of("ortho", "none"), "DCT normalisation"));
        all.add(ParameterSpec.integer("lifter", 0, 0, 10000, "cepstral liftering (0: none)"));
        all.addAll(output());
        return all;
    }
}
