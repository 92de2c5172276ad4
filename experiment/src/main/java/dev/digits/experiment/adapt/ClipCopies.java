package dev.digits.experiment.adapt;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.experiment.run.AugmentationPipelines;
import dev.digits.experiment.config.ConfigValues;
import dev.digits.experiment.config.ExperimentConfig.AugmentationStep;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.core.augment.AugmentedExtractor;

import java.util.ArrayList;
import java.util.List;

/**
 * Augmented copies of new clips, made as a bundle's training clips' copies were (the augmentation its provenance
 * records: steps, seed, number of copies), so that a voice's clips come with the conditions the model learnt from
 * (noise, room around the word, level). A bundle trained without augmentation makes none.
 */
public final class ClipCopies {
    private final ModelBundle bundle;
    private final List<AugmentedExtractor> copies;
    private final String id;

    private ClipCopies(ModelBundle bundle, List<AugmentedExtractor> copies, String id) {
        this.bundle = bundle;
        this.copies = copies;
        this.id = id;
    }

    /** The copies {@code bundle}'s training clips had; none when it records no augmentation. */
    public static ClipCopies of(ModelBundle bundle, PluginRegistry<AugmentationProvider> augmentations) {
        RunProvenance provenance = bundle.manifest().provenance();
        RunProvenance.AugmentationProvenance a = provenance == null ? null : provenance.augmentation();
        if (a == null || a.steps() == null || a.steps().isEmpty() || a.copies() == null || a.copies() < 1) {
            return new ClipCopies(bundle, List.of(), "none");
        }
        List<AugmentationStep> steps = new ArrayList<>();
        for (RunProvenance.StepProvenance s : a.steps()) {
            steps.add(new AugmentationStep(s.type(), s.probability(), ConfigValues.of(s.params().asMap())));
        }
        AugmentationPipelines.Built built = new AugmentationPipelines(augmentations).build(steps,
                a.seed() == null ? 0 : a.seed());
        List<AugmentedExtractor> copies = new ArrayList<>();
        for (int k = 0; k < a.copies(); k++) {
            copies.add(new AugmentedExtractor(bundle.extractor(), built.pipeline(), built.description(), k));
        }
        return new ClipCopies(bundle, copies, a.id());
    }

    /** A bundle's training clips' copies, none. */
    public static ClipCopies none(ModelBundle bundle) {
        return new ClipCopies(bundle, List.of(), "none");
    }

    /** Copies made of each clip. */
    public int count() {
        return copies.size();
    }

    /** The augmentation's id in the experiment the bundle was trained from. */
    public String id() {
        return id;
    }

    /** The extractor's features of each copy of {@code clip} (at the model's input rate, as its training clips). */
    public List<float[]> of(AudioClip clip) {
        AudioClip atRate = bundle.atInputRate(clip);
        List<float[]> out = new ArrayList<>(copies.size());
        for (AugmentedExtractor copy : copies) {
            out.add(copy.extract(atRate).values());
        }
        return out;
    }
}
