package dev.digits.app.experiment;

/** One unit of an experiment: an extractor x model x fold x seed. */
public record Cell(ExperimentConfig.ExtractorConfig extractor, ExperimentConfig.ModelConfig model, int fold,
                   String foldName, long seed) {

    /** A file-name-safe id, stable across runs (what {@code --resume} looks for). */
    public String id() {
        return (extractor.id() + "__" + model.id() + "__fold" + fold + "__seed" + seed).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public String describe() {
        return model.id() + " on " + extractor.id() + ", " + foldName + ", seed " + seed;
    }
}
