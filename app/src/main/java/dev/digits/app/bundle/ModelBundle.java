package dev.digits.app.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.digits.app.Plugins;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.EnsembleModel;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.plugin.PluginException;
import dev.digits.core.io.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> meta;
    private final FeatureExtractor extractor;
    private final TrainedModel model;

    private ModelBundle(Map<String, Object> meta, FeatureExtractor extractor, TrainedModel model) {
        this.meta = meta;
        this.extractor = extractor;
        this.model = model;
    }

    /** Training-data facts stored with the model, used to warn about unusual input. */
    public record TrainingData(List<Integer> sampleRates, double minSeconds, double maxSeconds, int clips) {
    }

    /** Writes a bundle atomically. */
    public static void write(Path file, FeatureExtractor extractor, TrainedModel model, List<String> labels,
                             TrainingData data, Map<String, Object> provenance) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("formatVersion", FORMAT_VERSION);
        meta.put("extractor", Map.of("name", extractor.name(), "revision", extractor.revision(),
                "params", extractor.parameters().asMap()));
        meta.put("backend", model.backend());
        meta.put("modelType", model.spec().type());
        meta.put("spec", model.spec().parameters().asMap());
        meta.put("ensemble", model instanceof EnsembleModel e ? e.members().size() : 1);
        meta.put("inputShape", model.inputShape());
        meta.put("labels", labels);
        meta.put("trainingData", Map.of("sampleRates", data.sampleRates(), "minSeconds", data.minSeconds(),
                "maxSeconds", data.maxSeconds(), "clips", data.clips()));
        meta.put("provenance", provenance);
        ByteArrayOutputStream modelBytes = new ByteArrayOutputStream();
        model.save(modelBytes);
        AtomicFiles.write(file, tmp -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                zip.putNextEntry(new ZipEntry("bundle.json"));
                zip.write(JSON.writeValueAsBytes(meta));
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
     * @throws IOException naming the file and the problem: not a bundle, corrupt, another format version, or a
     *                     backend or extractor that is not installed
     */
    @SuppressWarnings("unchecked")
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
        Map<String, Object> meta;
        try {
            meta = JSON.readValue(json, Map.class);
        } catch (IOException e) {
            throw new IOException(file + ": corrupt model bundle (bundle.json: " + e.getMessage() + ")", e);
        }
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IOException(file + ": not a digits model bundle (format '" + meta.get("format") + "')");
        }
        Object version = meta.get("formatVersion");
        if (!(version instanceof Number n) || n.intValue() != FORMAT_VERSION) {
            throw new IOException(file + ": model bundle format version " + version + " (made by digits "
                    + ((Map<String, Object>) meta.getOrDefault("provenance", Map.of())).get("digitsVersion")
                    + "); this build reads version " + FORMAT_VERSION + ". Retrain it with this version's digits train.");
        }
        String backend = String.valueOf(meta.get("backend"));
        Map<String, Object> ex = (Map<String, Object>) meta.get("extractor");
        FeatureExtractorProvider extractorProvider;
        ClassifierProvider provider;
        try {
            extractorProvider = plugins.extractors().get(String.valueOf(ex.get("name")));
            provider = plugins.backends().get(backend);
        } catch (PluginException e) {
            throw new IOException(file + ": this bundle needs a plugin this installation cannot use: " + e.getMessage(), e);
        }
        Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) ex.get("params"));
        params.values().removeIf(v -> v == null);
        // trained at one rate with sr: native, the model expects that rate: resample other input to it
        List<?> rates = (List<?>) ((Map<String, Object>) meta.get("trainingData")).get("sampleRates");
        if ("native".equals(params.get("sr")) && rates.size() == 1) {
            params.put("sr", rates.get(0));
        }
        FeatureExtractor extractor = extractorProvider.create(params);
        TrainedModel trained;
        try (InputStream in = new ByteArrayInputStream(model)) {
            boolean ensemble = meta.get("ensemble") instanceof Number members && members.intValue() > 1;
            trained = ensemble ? EnsembleModel.read(in, provider) : provider.load(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": corrupt model bundle (the " + backend + " model cannot be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        return new ModelBundle(meta, extractor, trained);
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    public TrainedModel model() {
        return model;
    }

    public Map<String, Object> metadata() {
        return meta;
    }

    @SuppressWarnings("unchecked")
    public List<String> labels() {
        return (List<String>) meta.get("labels");
    }

    @SuppressWarnings("unchecked")
    public TrainingData trainingData() {
        Map<String, Object> d = (Map<String, Object>) meta.get("trainingData");
        return new TrainingData(((List<Number>) d.get("sampleRates")).stream().map(Number::intValue).toList(),
                ((Number) d.get("minSeconds")).doubleValue(), ((Number) d.get("maxSeconds")).doubleValue(),
                ((Number) d.get("clips")).intValue());
    }

    /**
     * A warning when the installed extractor is another revision than the one the model was trained with
     * (bundles from before revisions were recorded count as revision 1): the features, and so the predictions,
     * differ a little until the model is retrained.
     */
    @SuppressWarnings("unchecked")
    public Optional<String> featureRevisionWarning() {
        Object recorded = ((Map<String, Object>) meta.get("extractor")).get("revision");
        int trained = recorded instanceof Number n ? n.intValue() : 1;
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
