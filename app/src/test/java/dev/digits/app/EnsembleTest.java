package dev.digits.app;

import dev.digits.experiment.Plugins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.recognition.ensemble.EnsembleModel;
import dev.digits.api.model.ModelSpec;
import dev.digits.recognition.ensemble.SeedEnsemble;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.params.ParameterSpec;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed ensembles ({@code ensemble: N} on a model): members, averaging, saving, bundles and validation. */
class EnsembleTest {
    static Plugins plugins;
    static ClassifierProvider tribuo;
    static TrainingSet train;
    static TrainingSet test;

    @TempDir
    Path dir;

    /** 40-d mean MFCCs of real FSDD clips: jackson and george train (recordings 0-9), lucas tests (0-4). */
    @BeforeAll
    static void features() throws Exception {
        plugins = Plugins.discover(EnsembleTest.class.getClassLoader());
        tribuo = plugins.backends().get("tribuo");
        FeatureExtractor mfcc = plugins.extractors().get("mfcc-librosa").create(Map.of("sr", "native", "pooling", "mean"));
        train = features(mfcc, List.of("jackson", "george"), 10);
        test = features(mfcc, List.of("lucas"), 5);
    }

    private static TrainingSet features(FeatureExtractor mfcc, List<String> speakers, int perDigit) throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (String speaker : speakers) {
            for (int d = 0; d < 10; d++) {
                for (int i = 0; i < perDigit; i++) {
                    x.add(mfcc.extract(WavReader.readClip(fsdd.resolve(d + "_" + speaker + "_" + i + ".wav"))).values());
                    y.add(d);
                }
            }
        }
        return new TrainingSet(x.toArray(new float[0][]), new int[] {40}, y.stream().mapToInt(Integer::intValue).toArray(), 10);
    }

    private static ModelSpec logistic(int seed) {
        return tribuo.spec("logistic", Map.of("epochs", 3, "seed", seed));
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < a[i].length; c++) {
                max = Math.max(max, Math.abs(a[i][c] - b[i][c]));
            }
        }
        return max;
    }

    @Test
    void averagesMembersTrainedWithTheirOwnSeeds() {
        List<Integer> epochs = new ArrayList<>();
        SeedEnsemble ensemble = new SeedEnsemble(tribuo, logistic(5), 3);
        TrainedModel model = ensemble.train(train, m -> {
            epochs.add(m.epoch());
            assertEquals(3, m.epochs(), "one report per member, numbered on");
        });
        assertEquals(List.of(1, 2, 3), epochs);
        EnsembleModel e = assertInstanceOf(EnsembleModel.class, model);
        assertEquals(3, e.members().size());
        assertEquals("tribuo", e.backend());
        assertEquals("[5, 7924, 15843]", e.provenance().get("ensembleSeeds"));

        // each member is the model its seed trains on its own, and the ensemble is their mean
        float[][] mean = new float[test.size()][10];
        List<float[][]> alone = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            float[][] p = tribuo.create(logistic(5 + k * 7919)).train(train, m -> { }).predictProbabilities(test.features());
            alone.add(p);
            assertTrue(maxDifference(p, e.members().get(k).predictProbabilities(test.features())) < 1e-6, "member " + k);
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < 10; c++) {
                    mean[i][c] += p[i][c] / 3;
                }
            }
        }
        assertTrue(maxDifference(alone.get(0), alone.get(1)) > 1e-3, "different seeds train different members");
        assertTrue(maxDifference(mean, model.predictProbabilities(test.features())) < 1e-5);
    }

    @Test
    void roundTripsThroughItsSavedForm() throws Exception {
        TrainedModel model = SeedEnsemble.of(tribuo, logistic(1), 2).train(train, m -> { });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        EnsembleModel back = EnsembleModel.read(new ByteArrayInputStream(bytes.toByteArray()), tribuo);
        assertEquals(2, back.members().size());
        assertEquals(0.0, maxDifference(model.predictProbabilities(test.features()), back.predictProbabilities(test.features())));

        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 100);
        IOException e = assertThrows(IOException.class, () -> EnsembleModel.read(new ByteArrayInputStream(cut), tribuo));
        assertTrue(e.getMessage().contains("ensemble member 1 is cut short"), e.getMessage());
        assertThrows(IOException.class, () -> EnsembleModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}), tribuo));
    }

    @Test
    void oneMemberIsTheBackendsOwnModelAndSeedlessTypesAreRejected() {
        assertEquals(tribuo.create(logistic(1)).getClass(), SeedEnsemble.of(tribuo, logistic(1), 1).getClass());
        assertThrows(IllegalArgumentException.class, () -> new SeedEnsemble(tribuo, logistic(1), 0));
        ClassifierProvider seedless = new ClassifierProvider() {
            public String name() {
                return "seedless";
            }

            public String description() {
                return "a backend without seeds";
            }

            public Set<String> modelTypes() {
                return Set.of("rule");
            }

            public List<ParameterSpec> parameters(String modelType) {
                return List.of();
            }

            public dev.digits.api.model.Classifier create(ModelSpec spec) {
                throw new AssertionError("never created");
            }

            public TrainedModel load(InputStream in) {
                throw new AssertionError("never loaded");
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SeedEnsemble(seedless, seedless.spec("rule", Map.of()), 3));
        assertTrue(e.getMessage().contains("seedless rule has none"), e.getMessage());
    }

    @Test
    void experimentsTrainAndBundleEnsembles() throws Exception {
        Path corpus = MiniCorpus.create(dir, 2);
        Path yaml = dir.resolve("ens.yaml");
        Files.writeString(yaml, """
                name: ens
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                seeds: [3]
                cache: false
                extractors: [{id: m, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: lr-x2, backend: tribuo, ensemble: 2, spec: {type: logistic, epochs: 3}}]
                """.formatted(corpus));
        AppRunner.Result run = AppRunner.run("run", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  models    [lr-x2 (tribuo logistic, ensemble of 2 seeds)]"), run.out());
        JsonNode first = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).get("runs").get(0);
        assertEquals("ok", first.get("status").asText(), first.toString());
        assertEquals(2, first.get("provenance").get("model").get("ensemble").asInt());
        assertEquals("[3, 7922]", first.get("provenance").get("backend").get("ensembleSeeds").asText());

        Path bundle = dir.resolve("ens.digits");
        AppRunner.Result trained = AppRunner.run("train", "--config", yaml.toString(), "--out", bundle.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        ModelBundle b = ModelBundle.read(bundle, plugins);
        assertEquals(2, assertInstanceOf(EnsembleModel.class, b.model()).members().size());
        assertEquals(2, b.manifest().ensemble());
        Path clip = corpus.resolve("recordings/7_lucas_1.wav");
        AppRunner.Result predicted = AppRunner.run("predict", "--model", bundle.toString(), clip.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        assertTrue(predicted.out().startsWith(clip + "\t"), predicted.out());

        Files.writeString(yaml, Files.readString(yaml).replace("ensemble: 2", "ensemble: 0"));
        AppRunner.Result invalid = AppRunner.run("validate", yaml.toString());
        assertEquals(1, invalid.exitCode(), invalid.out() + invalid.err());
        assertTrue((invalid.out() + invalid.err()).contains("line 7: ensemble must be an integer from 1 to 50, got '0'"),
                invalid.out() + invalid.err());
    }
}
