package dev.digits.recognition.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.digits.api.params.Parameters;

import java.util.List;
import java.util.Map;

/**
 * Where a trained model and its numbers came from: the experiment, the extractor and model as resolved, the
 * data and split, augmentation, seed and software. The same record describes a cell of a run and the bundle
 * that {@code digits train} makes from it, so a bundle traces back to the run that justified it.
 * Fields a record does not know (a cell that failed before training) are left out.
 *
 * @param backend what the backend records about the trained model (library versions, sizes): its own keys
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunProvenance(String experiment, String experimentFile, ExtractorProvenance extractor,
                            DatasetProvenance dataset, SplitProvenance split, AugmentationProvenance augmentation,
                            Map<String, ConditionProvenance> testConditions, long seed, String startTime,
                            ModelProvenance model, SoftwareProvenance software, Map<String, String> backend,
                            Integer trainExamples, Double durationSeconds) {

    /** The provenance of a cell that failed before anything was trained. */
    public static RunProvenance failedEarly(String experiment, String experimentFile, long seed) {
        return new RunProvenance(experiment, experimentFile, null, null, null, null, null, seed, null, null, null, null,
                null, null);
    }

    /** The same, with what is known once training has finished. */
    public RunProvenance finished(Map<String, String> backendFacts, Integer examples, double seconds) {
        return new RunProvenance(experiment, experimentFile, extractor, dataset, split, augmentation, testConditions, seed,
                startTime, model, software, backendFacts, examples, seconds);
    }

    /**
     * The extractor by its id in the experiment, plugin name, revision, every resolved parameter, and the
     * SHA-256 of each file its numbers depend on (pre-trained model weights), when it has any.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExtractorProvenance(String id, String type, int revision, Parameters params, Map<String, String> files) {
    }

    /**
     * The data: its folder, layout, how many files were used and were bad, a SHA-256 over every used file's
     * content and name, and the datasets or folders that trained only ({@code extraTraining}) or were split with
     * it ({@code include}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DatasetProvenance(String root, String layout, int files, int badFiles, String sha256,
                                    List<String> extraTraining, List<String> include) {
        public DatasetProvenance(String root, String layout, int files, int badFiles, String sha256,
                                 List<String> extraTraining) {
            this(root, layout, files, badFiles, sha256, extraTraining, null);
        }
    }

    /** The split protocol, its settings, the fold and its sizes. */
    public record SplitProvenance(String protocol, Parameters settings, String fold, int trainSize,
                                  int testSize) {
    }

    /** The training-data augmentation: {@code none}, or its copies, seed and resolved steps. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AugmentationProvenance(String id, Integer copies, Long seed, List<StepProvenance> steps) {
        public static AugmentationProvenance none() {
            return new AugmentationProvenance("none", null, null, null);
        }
    }

    /** A test condition's seed and resolved steps. */
    public record ConditionProvenance(long seed, List<StepProvenance> steps) {
    }

    /** One augmentation step as resolved: plugin name, probability and every parameter. */
    public record StepProvenance(String type, double probability, Parameters params) {
    }

    /** The model by its id in the experiment, backend, type, resolved spec and ensemble size. */
    public record ModelProvenance(String id, String backend, String type, Parameters spec, int ensemble) {
    }

    /**
     * Java, OS and digits' version, every plugin's own version by plugin name, and the git commit digits was
     * built from (with whether the checkout had edits).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SoftwareProvenance(String java, String os, String digits, Map<String, String> plugins,
                                     String gitCommit, Boolean gitDirty) {
    }
}
