package dev.digits.recognition.bundle;

import dev.digits.recognition.provenance.RunProvenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.api.params.Parameters;

import dev.digits.core.labels.DigitLabels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bundle.json}, the description inside a model bundle: format and version, the extractor and its
 * resolved parameters, the backend's model type and spec, the input shape and labels, facts about the
 * training data, and the run provenance (the same record as a run's cell; {@code null} in bundles from
 * before it was typed, whose old provenance is kept as {@code legacyProvenance}).
 *
 * <p>{@code labels} are the digits in order, then {@code ?} in a model trained with speech that is not a digit.
 * {@code minConfidence} is the probability a digit needs to be the answer (below it: {@code ?}); {@code null} in
 * bundles that record none, whose single recordings always get a digit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(String format, int formatVersion, ExtractorRef extractor, String backend,
                             String modelType, Parameters spec, int ensemble, int[] inputShape,
                             List<String> labels, TrainingData trainingData, RunProvenance provenance,
                             JsonNode legacyProvenance, AdaptationRecord adaptation, Double minConfidence) {

    /**
     * Checks what {@link ModelBundle} relies on: the parts present, the labels, the threshold, plain names of the
     * extractor's files.
     *
     * @throws IOException naming the file and what is wrong
     */
    void check(Path file) throws IOException {
        List<String> missing = new ArrayList<>();
        if (extractor() == null || extractor().name() == null || extractor().params() == null) {
            missing.add("extractor");
        }
        if (backend() == null) {
            missing.add("backend");
        }
        if (labels() == null || labels().isEmpty()) {
            missing.add("labels");
        }
        if (trainingData() == null || trainingData().sampleRates() == null) {
            missing.add("trainingData");
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": incomplete model bundle (bundle.json has no " + String.join(", ", missing)
                    + ")");
        }
        if (!DigitLabels.valid(labels())) {
            throw new IOException(file + ": corrupt model bundle (bundle.json: labels must be the digits in order, \"0\", "
                    + "\"1\", ..., each once, then \"?\" in a model of speech that is not a digit; got " + labels() + ")");
        }
        if (minConfidence() != null && !(minConfidence() >= 0 && minConfidence() <= 1)) {
            throw new IOException(file + ": corrupt model bundle (bundle.json: minConfidence is a probability, 0 to 1; "
                    + "got " + minConfidence() + ")");
        }
        for (String key : extractor().files() == null ? List.<String>of() : extractor().files().keySet()) {
            if (!BundleEntries.isPlainName(key)) {
                throw new IOException(file + ": corrupt model bundle (bundle.json: the extractor file '" + key
                        + "' names a path; bundled files are plain file names)");
            }
        }
    }

    /**
     * How {@code digits adapt} made this bundle from another: the base bundle and its SHA-256, the clips added and
     * how often each counted, the score on them before and the leave-one-clip-out score after ({@code null}: not
     * checked, {@code adapt --no-check}), and the voice's shift: added to
     * the extractor's features of every input before the model ({@code null}: none, as in bundles from before it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdaptationRecord(String base, String baseSha256, List<String> clips, int repeats, int correctBefore,
                                   Integer correctAfter, float[] featureShift) {
    }

    /**
     * The extractor by plugin name, its revision (1 in bundles from before revisions), resolved parameters, and
     * the SHA-256 of each file it depends on (model weights), which the bundle carries under {@code files/}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExtractorRef(String name, Integer revision, Parameters params, java.util.Map<String, String> files) {
        public int revisionOrFirst() {
            return revision == null ? 1 : revision;
        }
    }

    /**
     * Facts about the training data used to warn about unusual input: sample rates, duration range and clips; and
     * the rate input is resampled to before its features are computed.
     *
     * @param inputRate the sample rate the model's features were computed at, which every input is converted to;
     *                  {@code null} when the training clips had several rates (each clip is then used at its own),
     *                  and in bundles from before it was recorded (see {@link #resolvedInputRate()})
     */
    public record TrainingData(List<Integer> sampleRates, double minSeconds, double maxSeconds, int clips,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer inputRate) {

        /** For training clips of one sample rate: that rate. */
        public static Integer inputRateOf(java.util.Collection<Integer> sampleRates) {
            return sampleRates.size() == 1 ? sampleRates.iterator().next() : null;
        }

        /** {@link #inputRate()}, or in older bundles the training data's only sample rate, if it had one. */
        public java.util.Optional<Integer> resolvedInputRate() {
            return java.util.Optional.ofNullable(inputRate != null ? inputRate
                    : sampleRates == null ? null : inputRateOf(sampleRates));
        }
    }
}
