package dev.digits.app.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.app.results.BundleManifest;
import dev.digits.app.results.BundleManifest.ExtractorRef;
import dev.digits.app.results.BundleManifest.TrainingData;
import dev.digits.app.results.ResultsJson;
import dev.digits.app.results.RunProvenance;
import dev.digits.app.Plugins;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.app.ensemble.EnsembleModel;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.plugin.PluginException;
import dev.digits.core.io.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
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

    private final BundleManifest manifest;
    private final FeatureExtractor extractor;
    private final TrainedModel model;

    private ModelBundle(BundleManifest manifest, FeatureExtractor extractor, TrainedModel model) {
        this.manifest = manifest;
        this.extractor = extractor;
        this.model = model;
    }

    /** Writes a bundle atomically. */
    public static void write(Path file, FeatureExtractor extractor, TrainedModel model, List<String> labels,
                             TrainingData data, RunProvenance provenance) throws IOException {
        BundleManifest manifest = new BundleManifest(FORMAT, FORMAT_VERSION,
                new ExtractorRef(extractor.name(), extractor.revision(), extractor.parameters()), model.backend(),
                model.spec().type(), model.spec().parameters(),
                model instanceof EnsembleModel e ? e.members().size() : 1, model.inputShape(), List.copyOf(labels), data,
                provenance, null);
        ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
        model.save(modelBytes);
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                zip.putNextEntry(new ZipEntry("bundle.json"));
                zip.write(ResultsJson.write(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("model.bin"));
                modelBytes.writeTo(zip);
                zip.closeEntry();
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
    public static ModelBundle read(Path file, Plugins plugins) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model bundle");
        }
        byte[] json = null;
        byte[] model = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("bundle.json")) {
                    json = zip.readAllBytes();
                } else if (e.getName().equals("model.bin")) {
                    model = zip.readAllBytes();
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(file + ": corrupt model bundle (" + e.getMessage() + ")", e);
        }
        if (json == null || model == null) {
            throw new IOException(file + ": not a digits model bundle (expected bundle.json and model.bin inside a zip)");
        }
        BundleManifest meta = manifest(json, file);
        FeatureExtractorProvider extractorProvider;
        ClassifierProvider provider;
        try {
            extractorProvider = plugins.extractors().get(meta.extractor().name());
            provider = plugins.backends().get(meta.backend());
        } catch (PluginException e) {
            throw new IOException(file + ": this bundle needs a plugin this installation cannot use: " + e.getMessage(), e);
        }
        Map<String, Object> params = new LinkedHashMap<>(meta.extractor().params().asMap());
        params.values().removeIf(v -> v == null);
        // trained at one rate, the model expects that rate: the extractor says how to resample other input to it
        List<Integer> rates = meta.trainingData().sampleRates();
        if (rates.size() == 1) {
            params = extractorProvider.pinnedToRate(params, rates.get(0));
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
        return new ModelBundle(meta, extractor, trained);
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
        List<String> missing = new ArrayList<>();
        if (meta.extractor() == null || meta.extractor().name() == null || meta.extractor().params() == null) {
            missing.add("extractor");
        }
        if (meta.backend() == null) {
            missing.add("backend");
        }
        if (meta.labels() == null || meta.labels().isEmpty()) {
            missing.add("labels");
        }
        if (meta.trainingData() == null || meta.trainingData().sampleRates() == null) {
            missing.add("trainingData");
        }
        if (!missing.isEmpty()) {
            throw new IOException(file + ": incomplete model bundle (bundle.json has no " + String.join(", ", missing)
                    + ")");
        }
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

    public TrainingData trainingData() {
        return manifest.trainingData();
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

    /** Class probabilities for one clip. */
    public float[] classify(AudioClip clip) {
        return model.predictProbabilities(new float[][] {extractor.extract(clip).values()})[0];
    }
}
