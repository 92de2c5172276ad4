package dev.digits.experiment.run;

import dev.digits.recognition.provenance.RunProvenance.StepProvenance;

import dev.digits.api.augment.Augmentation;
import dev.digits.core.augment.AugmentationPipeline;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.plugin.PluginRegistry;
import dev.digits.experiment.config.ExperimentConfig.AugmentationStep;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the augmentation steps of an experiment file into an {@link AugmentationPipeline} through the
 * augmentation plugins, with a description (every resolved parameter and the seed) for provenance and the
 * feature cache.
 */
public final class AugmentationPipelines {
    /** A built pipeline, its description, and each step as resolved, for provenance. */
    public record Built(AugmentationPipeline pipeline, String description, List<StepProvenance> steps) {
    }

    private final PluginRegistry<AugmentationProvider> registry;

    public AugmentationPipelines(PluginRegistry<AugmentationProvider> registry) {
        this.registry = registry;
    }

    public Built build(List<AugmentationStep> steps, long seed) {
        List<AugmentationPipeline.Step> built = new ArrayList<>();
        List<StepProvenance> resolved = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (AugmentationStep s : steps) {
            Augmentation a = s.augmentation() != null ? s.augmentation() : registry.get(s.type()).create(s.params().asMap());
            built.add(new AugmentationPipeline.Step(a, s.probability()));
            resolved.add(new StepProvenance(a.name(), s.probability(), a.parameters()));
            description.append(a.name()).append(a.parameters()).append(" p=").append(s.probability()).append("; ");
        }
        description.append("seed=").append(seed);
        return new Built(new AugmentationPipeline(built, seed), description.toString(), resolved);
    }
}
