package dev.digits.experiment.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.digits.api.augment.Augmentation;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.core.dataset.SplitProtocol;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.recognition.ensemble.SeedEnsemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment file: which data, how it is split, which extractors and models to compare, and the
 * seeds each cell is repeated with, and the engine that runs it.
 *
 * @param source the file it was read from
 */
public record ExperimentConfig(String name, String description, DatasetRef dataset, ProtocolConfig protocol,
                                  List<Long> seeds, List<ExtractorConfig> extractors, List<ModelConfig> models,
                               List<AugmentationConfig> augmentations, List<ConditionConfig> testConditions,
                               boolean cache, EngineSettings engine, Path source) {

    /**
     * {@code dataset: {name: fsdd}} or {@code {path: DIR, layout: fsdd|audiomnist|folders}}.
     *
     * @param extraTraining datasets (by name) or folders whose recordings are added to every fold's training part and
     *                      never tested on (synthetic voices, another corpus); empty for none
     * @param include       datasets (by name) or folders split together with this one: their speakers are trained
     *                      and tested on as the protocol says; empty for none
     * @param otherWords    whether Speech Commands' other words ("yes", "stop", ...) join as the class {@code ?},
     *                      speech that is not a digit, in every Speech Commands copy among these datasets
     */
    public record DatasetRef(String name, String path, String layout, List<String> extraTraining, List<String> include,
                             boolean otherWords) {
        public DatasetRef {
            extraTraining = List.copyOf(extraTraining);
            include = List.copyOf(include);
        }

        public DatasetRef(String name, String path, String layout, List<String> extraTraining) {
            this(name, path, layout, extraTraining, List.of(), false);
        }

        public String describe() {
            return (name != null ? name : path + (layout == null ? "" : " (" + layout + ")"))
                    + (include.isEmpty() ? "" : " + " + String.join(" + ", include))
                    + (extraTraining.isEmpty() ? "" : " + training-only " + String.join(", ", extraTraining))
                    + (otherWords ? ", other words as ?" : "");
        }

        /**
         * An {@code extraTraining} or {@code include} entry: a folder (see {@link #folder}) when there is one, else a
         * known dataset's folder found (or fetched on first use) as {@code name} is.
         */
        public static Path source(String entry, Path experimentFile) throws java.io.IOException {
            Path folder = folder(entry, experimentFile);
            if (Files.isDirectory(folder) || dev.digits.core.dataset.KnownDataset.find(entry).isEmpty()) {
                return folder;
            }
            return dev.digits.core.dataset.DatasetLocator.defaults().locate(entry);
        }

        /** Whether an entry names a folder that exists or a known dataset. */
        public static boolean resolvable(String entry, Path experimentFile) {
            return Files.isDirectory(folder(entry, experimentFile)) || dev.digits.core.dataset.KnownDataset.find(entry).isPresent();
        }

        /**
         * A folder named in the file: as given if it exists from the working directory or is absolute, else
         * relative to the experiment file's folder.
         */
        public static Path folder(String path, Path experimentFile) {
            Path p = Path.of(path);
            if (!p.isAbsolute() && experimentFile != null && experimentFile.toAbsolutePath().getParent() != null
                    && !Files.isDirectory(p)) {
                p = experimentFile.toAbsolutePath().getParent().resolve(p);
            }
            return p;
        }
    }

    /**
     * {@code protocol: {type: official}}, {@code {type: random, testFraction: 0.2, seed: 1}} ...: the settings as
     * written, and the protocol built from them.
     */
    public record ProtocolConfig(String type, ConfigValues settings, @JsonIgnore SplitProtocol protocol) {
    }

    /**
     * One extractor of the comparison: an id for reports, the plugin name, its parameters as written, and the
     * extractor built from them (what a remote worker rebuilds from the name and parameters).
     */
    public record ExtractorConfig(String id, String type, ConfigValues params, @JsonIgnore FeatureExtractor extractor) {
    }

    /**
     * One step of an augmentation: the plugin ({@code type}), the chance it is applied, its parameters as written,
     * and the augmentation made from them when the file was loaded ({@code null} when made elsewhere).
     */
    public record AugmentationStep(String type, double probability, ConfigValues params,
                                   @JsonIgnore Augmentation augmentation) {
        /** A step whose augmentation is made when it is used. */
        public AugmentationStep(String type, double probability, ConfigValues params) {
            this(type, probability, params, null);
        }
    }

    /**
     * Training-data augmentation, a dimension of the grid like extractors and models: {@code copies} augmented
     * versions of each training clip are added to the originals. {@link #NONE} (no copies) trains on the
     * originals only.
     */
    public record AugmentationConfig(String id, int copies, long seed, List<AugmentationStep> steps) {
        public static final AugmentationConfig NONE = new AugmentationConfig("none", 0, 0, List.of());

        public boolean isNone() {
            return copies == 0 || steps.isEmpty();
        }
    }

    /** A test condition: every test clip transformed by the steps (noise at 10 dB, say) and evaluated again. */
    public record ConditionConfig(String id, long seed, List<AugmentationStep> steps) {
    }

    /**
     * One model of the comparison: an id for reports, the backend plugin, the raw model spec, how many copies with
     * different seeds are trained and averaged ({@code ensemble}, 1 = a single model), and the spec as the backend
     * resolved it when the file was loaded ({@code null} when made elsewhere: resolved on use).
     */
    public record ModelConfig(String id, String backend, String type, ConfigValues spec, int ensemble,
                              @JsonIgnore ModelSpec resolved) {

        public ModelConfig(String id, String backend, String type, ConfigValues spec, int ensemble) {
            this(id, backend, type, spec, ensemble, null);
        }

        public ModelConfig(String id, String backend, String type, ConfigValues spec) {
            this(id, backend, type, spec, 1);
        }

        /** The resolved spec with the run's seed where the model type takes one. */
        public ModelSpec resolve(ClassifierProvider provider, long seed) {
            ModelSpec base = resolved != null ? resolved : provider.spec(type, spec.asMap());
            return SeedEnsemble.hasSeed(provider, type)
                    ? new ModelSpec(type, base.parameters().with("seed", Math.toIntExact(seed))) : base;
        }

        /** The learner for a resolved spec: the backend's own, or a {@link SeedEnsemble} of it. */
        public Classifier classifier(ClassifierProvider provider, ModelSpec resolved) {
            return SeedEnsemble.of(provider, resolved, ensemble);
        }
    }
}
