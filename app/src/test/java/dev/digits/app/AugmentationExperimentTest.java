package dev.digits.app;

import dev.digits.experiment.Plugins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Augmentation and test conditions declared in an experiment file, end to end on real FSDD clips. */
class AugmentationExperimentTest {
    @TempDir
    Path dir;

    private Path yaml(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Path miniCorpus() throws Exception {
        return MiniCorpus.create(dir, 4);
    }

    @Test
    void badAugmentationStepsAreRejectedWithTheLineAndASuggestion() throws Exception {
        Path f = yaml("bad.yaml", """
                name: bad
                dataset: {name: fsdd}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: x, backend: tribuo, spec: {type: logistic}}]
                augmentations:
                  - id: a
                    copies: 2
                    steps:
                      - {type: sped, factor: [0.9, 1.1]}
                      - {type: noise, snr: [30, 10]}
                      - {type: gain, probability: 2}
                testConditions:
                  - {id: snr10, steps: [{type: noise, snr: 10, colour: pink}]}
                """);
        AppRunner.Result r = AppRunner.run("validate", f.toString());
        assertEquals(1, r.exitCode());
        String err = r.err();
        assertTrue(err.contains("line 9: augmentation 'a': unknown augmentation 'sped' (did you mean 'speed'?)"), err);
        assertTrue(err.contains("line 10: augmentation 'a': noise: parameter 'snr' must be [low, high] with low <= high"), err);
        assertTrue(err.contains("line 11: augmentation 'a': probability must be a number between 0 and 1, got '2'"), err);
        assertTrue(err.contains("line 13: test condition 'snr10': noise: unknown parameter 'colour' (did you mean 'color'?)"), err);
    }

    @Test
    void augmentedCopiesJoinTheTrainingSetAndTestConditionsAreReportedReproducibly() throws Exception {
        Path corpus = miniCorpus();
        Path f = yaml("aug.yaml", """
                name: aug
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                seeds: [1]
                extractors:
                  - {id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 1}}]
                augmentations:
                  - {id: none}
                  - id: speed-noise
                    copies: 2
                    seed: 5
                    steps:
                      - {type: speed, factor: [0.9, 1.1]}
                      - {type: noise, snr: [10, 30], color: pink, probability: 0.5}
                      - {type: spec-augment}
                testConditions:
                  - {id: snr0, steps: [{type: noise, snr: 0}]}
                """.formatted(corpus));
        AppRunner.Result v = AppRunner.run("validate", f.toString());
        assertTrue(v.out().contains("protocol leave-one-speaker-out: 3 folds, 1 extractor, 1 model, 1 augmentation, seeds [1], "
                + "1 test condition, engine local)"), v.out());
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // spec-augment needs a matrix: the augmented pairing is skipped with the reason, the plain one runs
        assertTrue(r.out().contains("skipped   speed-noise x mean (feature augmentations such as spec-augment"), r.out());
        assertTrue(r.out().contains("cells     3 = "), r.out());

        Path g = yaml("aug2.yaml", Files.readString(f).replace("      - {type: spec-augment}\n", ""));
        Path out2 = dir.resolve("out2");
        AppRunner.Result r2 = AppRunner.run("run", g.toString(), "--out", out2.toString());
        assertEquals(0, r2.exitCode(), r2.err());
        assertTrue(r2.out().contains("cells     6 = extractor x augmentation x model pairs"), r2.out());
        assertTrue(r2.err().contains("features mean + speed-noise (copy 2/2): 120 clips ("), r2.err());
        JsonNode runs = new ObjectMapper().readTree(out2.resolve("results.json").toFile()).get("runs");
        assertEquals(6, runs.size());
        Map<String, Double> snr0 = new HashMap<>();
        for (JsonNode run : runs) {
            assertEquals("ok", run.get("status").asText(), run.toString());
            int clips = run.get("provenance").get("split").get("trainSize").asInt();
            boolean augmented = run.get("augmentation").asText().equals("speed-noise");
            assertEquals(augmented ? 3 * clips : clips, run.get("trainExamples").asInt());
            JsonNode aug = run.get("provenance").get("augmentation");
            if (augmented) {
                assertEquals(5, aug.get("seed").asInt());
                assertEquals("speed", aug.get("steps").get(0).get("type").asText());
                assertEquals(0.9, aug.get("steps").get(0).get("params").get("factor").get(0).asDouble());
            }
            JsonNode c = run.get("conditions").get(0);
            assertEquals("snr0", c.get("id").asText());
            double acc = c.get("accuracy").asDouble();
            assertTrue(acc >= 0 && acc <= 1);
            snr0.put(run.get("cell").asText(), acc);
        }
        String md = Files.readString(out2.resolve("report.md"));
        assertTrue(md.contains("## Accuracy under test conditions") && md.contains("knn + speed-noise @ mean"), md);
        assertTrue(Files.readString(out2.resolve("results.csv")).contains(",snr0=0."));

        // the same file again: every augmented copy comes from the cache and every number is the same
        Path out3 = dir.resolve("out3");
        AppRunner.Result r3 = AppRunner.run("run", g.toString(), "--out", out3.toString());
        assertEquals(0, r3.exitCode(), r3.err());
        assertTrue(r3.err().contains("features mean + speed-noise (copy 2/2): 120 clips (0 computed, 120 from cache)"), r3.err());
        for (JsonNode run : new ObjectMapper().readTree(out3.resolve("results.json").toFile()).get("runs")) {
            assertEquals(snr0.get(run.get("cell").asText()), run.get("conditions").get(0).get("accuracy").asDouble(), 0.0);
        }
    }

    @Test
    void trainAddsTheChosenAugmentationsCopiesAndRecordsItInTheBundle() throws Exception {
        Path corpus = miniCorpus();
        Path f = yaml("train.yaml", """
                name: train
                dataset: {path: %s}
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 1}}]
                augmentations:
                  - {id: none}
                  - {id: gain, copies: 2, steps: [{type: gain, db: [-3, 3]}]}
                """.formatted(corpus));
        Path bundle = dir.resolve("m.digits");
        AppRunner.Result ambiguous = AppRunner.run("train", "--config", f.toString(), "--out", bundle.toString());
        assertEquals(2, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("choose one with --augmentation (none, gain)"), ambiguous.err());

        AppRunner.Result r = AppRunner.run("train", "--config", f.toString(), "--augmentation", "gain", "--out", bundle.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("on mean: 120 clips (all data) + 240 augmented copies (gain)"), r.out());
        dev.digits.recognition.provenance.RunProvenance provenance = dev.digits.recognition.bundle.ModelBundle.read(bundle,
                Plugins.discover(getClass().getClassLoader())).manifest().provenance();
        assertEquals(360, provenance.trainExamples());
        assertEquals("gain", provenance.augmentation().id());
        assertEquals(2, provenance.augmentation().copies());
    }
}
