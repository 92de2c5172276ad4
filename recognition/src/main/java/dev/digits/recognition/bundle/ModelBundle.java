package dev.digits.recognition.bundle;

import dev.digits.recognition.bundle.VoiceShift;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.api.model.TrainingSet;
import dev.digits.recognition.bundle.BundleManifest;
import dev.digits.recognition.provenance.Provenance;
import dev.digits.core.features.FeatureCache;
import dev.digits.recognition.bundle.BundleManifest.ExtractorRef;
import dev.digits.recognition.bundle.BundleManifest.TrainingData;
import dev.digits.recognition.provenance.ResultsJson;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.audio.SincResampler;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.recognition.ensemble.EnsembleModel;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.plugin.PluginException;
import dev.digits.core.io.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Everything needed to recognise digits with a trained model, in ONE file (a zip): {@code bundle.json} with the
 * format version, the extractor and its resolved parameters, the backend, the label map, the training data's
 * sample rates and duration range, and provenance; and {@code model.bin}, the backend's own saved model (with
 * its standardisation statistics; for a seed ensemble, every member's).
 */
public final class ModelBundle {
    public static final String FORMAT = "digits-model-bundle";
    public static final int FORMAT_VERSION = 1;

    static final String MANIFEST = "bundle.json";
    static final String MODEL = "model.bin";
    static final String TRAINING = "training.bin";
    /** SHA-256 of every other entry, in {@code sha256sum}'s format: hand edits and damage are refused. */
    static final String CHECKSUMS = "SHA256SUMS";
    static final String FILES = "files/";

    private final BundleManifest manifest;
    private final FeatureExtractor extractor;
    private final TrainedModel model;
    private final byte[] training;
    private final List<String> warnings;

    private ModelBundle(BundleManifest manifest, FeatureExtractor extractor, TrainedModel model, byte[] training,
                        List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.manifest = manifest;
        this.extractor = extractor;
        this.model = model;
        this.training = training;
    }

    /**
     * Writes a bundle atomically: the manifest, the model, the extractor's files (model weights) and, when
     * given, the training examples ({@code digits adapt} re-trains on them).
     *
     * @param examples the features and labels the model was trained on, or {@code null}
     */
    public static void write(Path file, FeatureExtractor extractor, TrainedModel model, List<String> labels,
                             TrainingData data, RunProvenance provenance, TrainingSet examples) throws IOException {
        write(file, extractor, model, labels, data, provenance, examples, null);
    }

    /** Writes a bundle made by adapting another ({@code adaptation} says how). */
    public static void write(Path file, FeatureExtractor extractor, TrainedModel model, List<String> labels,
                             TrainingData data, RunProvenance provenance, TrainingSet examples,
                             BundleManifest.AdaptationRecord adaptation) throws IOException {
        write(file, extractor, model, labels, data, provenance, examples, adaptation, null);
    }

    /**
     * Writes a bundle that records the confidence a digit needs to be the answer ({@code null}: none, single
     * recordings always get a digit), made by adapting another when {@code adaptation} is given.
     */
    public static void write(Path file, FeatureExtractor extractor, TrainedModel model, List<String> labels,
                             TrainingData data, RunProvenance provenance, TrainingSet examples,
                             BundleManifest.AdaptationRecord adaptation, Double minConfidence) throws IOException {
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("a confidence threshold is from 0 to 1, got " + minConfidence);
        }
        Map<String, Path> files = extractor.files();
        BundleManifest manifest = new BundleManifest(FORMAT, FORMAT_VERSION,
                new ExtractorRef(extractor.name(), extractor.revision(), extractor.parameters(),
                        Provenance.fileHashes(extractor)), model.backend(),
                model.spec().type(), model.spec().parameters(),
                model instanceof EnsembleModel e ? e.members().size() : 1, model.inputShape(), List.copyOf(labels), data,
                provenance, null, adaptation, minConfidence);
        ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
        model.save(modelBytes);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(MANIFEST, ResultsJson.write(manifest));
        entries.put(MODEL, modelBytes.toByteArray());
        for (Map.Entry<String, Path> f : files.entrySet()) {
            entries.put(FILES + f.getKey(), Files.readAllBytes(f.getValue()));
        }
        if (examples != null) {
            ByteArrayOutputStream trainingBytes = new ByteArrayOutputStream();
            TrainingExamples.write(examples, trainingBytes);
            entries.put(TRAINING, trainingBytes.toByteArray());
        }
        entries.put(CHECKSUMS, BundleChecksums.of(entries));
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Reads a bundle and recreates its extractor and model.
     *
     * @throws IOException naming the file and the problem: not a bundle, corrupt or incomplete bundle.json, another
     *                     format version, a backend or extractor that is not installed, or labels and input shape
     *                     that disagree with the model
     */
    public static ModelBundle read(Path file, RecognitionPlugins plugins) throws IOException {
        return read(file, plugins, BundleEntries.Limits.DEFAULT);
    }

    static ModelBundle read(Path file, RecognitionPlugins plugins, BundleEntries.Limits limits) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model bundle");
        }
        Map<String, byte[]> entries = BundleEntries.read(file, limits);
        byte[] json = entries.get(MANIFEST);
        byte[] model = entries.get(MODEL);
        byte[] training = entries.get(TRAINING);
        if (json == null || model == null) {
            throw new IOException(file + ": not a digits model bundle (expected bundle.json and model.bin inside a zip)");
        }
        byte[] sums = entries.get(CHECKSUMS);
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (!name.equals(CHECKSUMS)) {
                hashes.put(name, FeatureCache.sha256(bytes));
            }
            if (name.startsWith(FILES)) {
                files.put(name.substring(FILES.length()), bytes);
            }
        });
        List<String> warnings = new ArrayList<>();
        if (sums != null) {
            BundleChecksums.verify(file, new String(sums, java.nio.charset.StandardCharsets.UTF_8), hashes);
        } else {
            warnings.add("it has no " + CHECKSUMS + " (bundles made before digits kept checksums): its contents "
                    + "cannot be verified; retrain it with this version's digits train");
        }
        BundleManifest meta = manifest(json, file);
        FeatureExtractorProvider extractorProvider = plugin(file, "extractor", meta.extractor().name(),
                () -> plugins.extractors().get(meta.extractor().name()), PluginArtifacts.extractor(meta.extractor().name()));
        ClassifierProvider provider = plugin(file, "backend", meta.backend(), () -> plugins.backends().get(meta.backend()),
                PluginArtifacts.backend(meta.backend()));
        Map<String, Object> params = new LinkedHashMap<>(meta.extractor().params().asMap());
        params.values().removeIf(v -> v == null);
        if (meta.extractor().files() != null && !meta.extractor().files().isEmpty()) {
            params = extractorProvider.withFilesIn(params, BundledFiles.unpack(file, meta.extractor().files(), files));
        }
        FeatureExtractor extractor;
        try {
            extractor = extractorProvider.create(params);
        } catch (RuntimeException e) {
            throw new IOException(file + ": bundle.json: the extractor's parameters are not valid here: " + e.getMessage(), e);
        }
        TrainedModel trained;
        try (InputStream in = new ByteArrayInputStream(model)) {
            trained = meta.ensemble() > 1 ? EnsembleModel.read(in, provider) : provider.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": corrupt model bundle (the " + meta.backend() + " model cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        if (meta.labels().size() != trained.numClasses()) {
            throw new IOException(file + ": bundle.json lists " + meta.labels().size() + " labels but the model predicts "
                    + trained.numClasses() + " classes");
        }
        if (meta.inputShape() != null && !Arrays.equals(meta.inputShape(), trained.inputShape())) {
            throw new IOException(file + ": bundle.json says inputShape " + Arrays.toString(meta.inputShape())
                    + " but the model takes " + Arrays.toString(trained.inputShape()));
        }
        if (meta.adaptation() != null && meta.adaptation().featureShift() != null
                && meta.adaptation().featureShift().length != IntStream.of(trained.inputShape()).reduce(1, (a, b) -> a * b)) {
            throw new IOException(file + ": bundle.json: adaptation.featureShift has " + meta.adaptation().featureShift().length
                    + " values but the model takes " + Arrays.toString(trained.inputShape()));
        }
        return new ModelBundle(meta, extractor, trained, training, warnings);
    }

    /**
     * The plugin a bundle names, or one line saying which it is and, for a plugin that ships with digits, which
     * artifact to add to the class path.
     */
    private static <P> P plugin(Path file, String kind, String name, java.util.function.Supplier<P> lookup,
                                Optional<String> artifact) throws IOException {
        try {
            return lookup.get();
        } catch (PluginException e) {
            throw new IOException(file + ": this bundle needs the " + kind + " plugin '" + name + "', which this "
                    + "installation cannot use: " + e.getMessage()
                    + artifact.map(a -> " (add " + a + " to the class path)").orElse(""), e);
        }
    }

    /**
     * The features and labels the model was trained on.
     *
     * @throws IOException when the bundle was made before bundles kept them (or by another tool)
     */
    public TrainingSet trainingExamples(Path file) throws IOException {
        if (training == null) {
            throw new IOException(file + ": this bundle holds no training data (it was made before bundles kept it); "
                    + "retrain it with this version's digits train, then adapt that");
        }
        try (InputStream in = new ByteArrayInputStream(training)) {
            return TrainingExamples.read(in, training.length);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": corrupt model bundle (training.bin ends before its last example)", e);
        } catch (IOException e) {
            throw new IOException(file + ": corrupt model bundle (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Parses and checks bundle.json. Bundles from before provenance was typed keep their old provenance as
     * {@code legacyProvenance}.
     */
    static BundleManifest manifest(byte[] json, Path file) throws IOException {
        JsonNode tree;
        try {
            tree = ResultsJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IOException(file + ": corrupt model bundle (bundle.json: " + e.getMessage().lines().findFirst()
                    .orElse("") + ")", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IOException(file + ": corrupt model bundle (bundle.json is not a JSON object)");
        }
        if (!FORMAT.equals(tree.path("format").asText(null))) {
            throw new IOException(file + ": not a digits model bundle (format '" + tree.path("format").asText(null) + "')");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
            throw new IOException(file + ": model bundle format version " + version + " (made by digits "
                    + tree.path("provenance").path("software").path("digits").asText(
                    tree.path("provenance").path("digitsVersion").asText("unknown"))
                    + "); this build reads version " + FORMAT_VERSION + ". Retrain it with this version's digits train.");
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode provenance = object.get("provenance");
        if (provenance != null && provenance.path("model").isTextual()) {
            // written before provenance was a RunProvenance: keep it as it was, for people to read
            object.set("legacyProvenance", object.remove("provenance"));
        }
        BundleManifest meta = ResultsJson.read(ResultsJson.MAPPER.writeValueAsBytes(object), BundleManifest.class,
                file, "model bundle (bundle.json)");
        meta.check(file);
        return meta;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public TrainedModel model() {
        return model;
    }

    /** What bundle.json says. */
    public BundleManifest manifest() {
        return manifest;
    }

    public List<String> labels() {
        return manifest.labels();
    }

    /** The confidence a digit needs to be the answer, as the bundle records it (none in older bundles). */
    public Optional<Double> minConfidence() {
        return Optional.ofNullable(manifest.minConfidence());
    }

    public TrainingData trainingData() {
        return manifest.trainingData();
    }

    /**
     * What a user of this bundle should be told, each a sentence about the bundle: contents that cannot be verified
     * (no checksums), and features of another extractor revision.
     */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        featureRevisionWarning().ifPresent(all::add);
        return all;
    }

    /**
     * A warning when the installed extractor is another revision than the one the model was trained with
     * (bundles from before revisions were recorded count as revision 1): the features, and so the predictions,
     * differ a little until the model is retrained.
     */
    public Optional<String> featureRevisionWarning() {
        int trained = manifest.extractor().revisionOrFirst();
        if (trained == extractor.revision()) {
            return Optional.empty();
        }
        return Optional.of("trained on " + extractor.name() + " revision " + trained + " features, but this "
                + "installation computes revision " + extractor.revision() + ", whose numbers differ; retrain the "
                + "model to match");
    }

    /** The sample rate input is converted to before its features are computed, if the model has one. */
    public Optional<Integer> inputRate() {
        return manifest.trainingData().resolvedInputRate();
    }

    /** The clip at the model's {@link #inputRate() input rate}: resampled when it has another rate. */
    public AudioClip atInputRate(AudioClip clip) {
        Integer rate = inputRate().orElse(null);
        if (rate == null || rate == clip.sampleRate()) {
            return clip;
        }
        return clip.withSamples(SincResampler.convert(clip.samples(), clip.sampleRate(), rate), rate);
    }

    /**
     * The features the model takes for one clip (at its input rate): the extractor's, plus the voice's shift in an
     * adapted bundle.
     */
    public Features features(AudioClip clip) {
        Features f = extractorFeatures(clip);
        VoiceShift shift = voiceShift();
        if (shift == null) {
            return f;
        }
        float[] shifted = shift.apply(f.values());
        return f.isMatrix() ? Features.matrix(shifted, f.shape()[0], f.shape()[1]) : Features.vector(shifted);
    }

    /** The extractor's features for one clip (at the model's input rate), without an adapted bundle's shift. */
    public Features extractorFeatures(AudioClip clip) {
        return extractor.extract(atInputRate(clip));
    }

    /** What {@code digits adapt} adds to this bundle's features, or {@code null}. */
    public VoiceShift voiceShift() {
        return manifest.adaptation() == null || manifest.adaptation().featureShift() == null ? null
                : new VoiceShift(manifest.adaptation().featureShift());
    }
}
