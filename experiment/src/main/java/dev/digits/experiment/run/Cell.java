package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;

/** One unit of an experiment: an extractor x augmentation x model x fold x seed. */
public record Cell(ExperimentConfig.ExtractorConfig extractor, ExperimentConfig.AugmentationConfig augmentation,
                   ExperimentConfig.ModelConfig model, int fold, String foldName, long seed) {

    /** A file-name-safe id, stable across runs (what {@code --resume} looks for). */
    public String id() {
        String aug = augmentation.isNone() ? "" : "__aug-" + augmentation.id();
        return (extractor.id() + "__" + model.id() + aug + "__fold" + fold + "__seed" + seed).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The model's id, with the augmentation's when there is one: how reports name the trained thing. */
    public String modelLabel() {
        return augmentation.isNone() ? model.id() : model.id() + " + " + augmentation.id();
    }

    public String describe() {
        return modelLabel() + " on " + extractor.id() + ", " + foldName + ", seed " + seed;
    }
}
