package dev.digits.core.augment;

import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.KnownDataset;

import java.nio.file.Files;
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
                ParameterSpec.string("folder", null, "folder of noise WAV files, for color: files; a path that starts "
                        + "with a dataset's name is inside that dataset (speech-commands/_background_noise_)"));
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
        return new AdditiveNoise(parameters, files ? new NoiseRecordings(noiseFolder(folder)) : null);
    }

    /**
     * The folder as given when it exists; else, when it starts with a known dataset's name, that folder inside the
     * dataset wherever it is installed ({@code speech-commands/_background_noise_}), so that an experiment or a
     * bundle's augmentation names it the same on every machine.
     */
    static Path noiseFolder(String folder) {
        Path given = Path.of(folder);
        if (Files.isDirectory(given) || given.isAbsolute() || given.getNameCount() < 2) {
            return given;
        }
        String dataset = given.getName(0).toString();
        if (KnownDataset.find(dataset).isEmpty()) {
            return given;
        }
        Path inside = given.subpath(1, given.getNameCount());
        return DatasetLocator.searchRoots().find(dataset).map(root -> root.resolve(inside.toString())).orElse(given);
    }
}
