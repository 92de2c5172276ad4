package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.nio.file.Path;
import java.util.List;

/** {@code noise}: additive white, pink or recorded noise at a random SNR. */
public final class AdditiveNoiseProvider implements AugmentationProvider {
    public static final String NAME = "noise";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "additive noise (white, pink, or WAV files from a folder) at an SNR drawn from a range";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.range("snr", 10, 30, -30, 100, "signal-to-noise ratio in dB, a number or [low, high]"),
                ParameterSpec.choice("color", "white", AdditiveNoise.colors(), "white, pink, or files (from folder)"),
                ParameterSpec.string("folder", null, "folder of noise WAV files, for color: files"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        boolean files = "files".equals(parameters.getString("color"));
        String folder = parameters.getString("folder");
        if (files && folder == null) {
            throw new IllegalArgumentException("noise: color: files needs folder: DIR (a folder of noise WAV files)");
        }
        if (!files && folder != null) {
            throw new IllegalArgumentException("noise: folder is only used with color: files, got color: "
                    + parameters.getString("color"));
        }
        return new AdditiveNoise(parameters, files ? new NoiseRecordings(Path.of(folder)) : null);
    }
}
