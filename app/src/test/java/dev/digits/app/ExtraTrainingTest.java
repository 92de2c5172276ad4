package dev.digits.app;

import dev.digits.experiment.Plugins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dataset.extraTraining}: folders whose recordings train every fold and are never tested on. */
class ExtraTrainingTest {
    @TempDir
    Path dir;

    /** Copies recordings 0-1 of each digit by {@code speaker} into {@code dir/name}, renamed to {@code as}. */
    private Path copiesOf(String speaker, String as, String name) throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path out = Files.createDirectories(dir.resolve(name));
        for (int d = 0; d < 10; d++) {
            for (int i = 0; i < 2; i++) {
                Files.copy(fsdd.resolve(d + "_" + speaker + "_" + i + ".wav"), out.resolve(d + "_" + as + "_" + i + ".wav"));
            }
        }
        return out;
    }

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("extra.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void extraRecordingsJoinEveryTrainingFoldAndAreNeverTested() throws Exception {
        Path corpus = MiniCorpus.create(dir, 2);          // george, jackson, lucas: 20 clips each
        copiesOf("nicolas", "nicolas", "voices");        // a fourth voice, training only
        copiesOf("george", "georgetwin", "twin");        // george's own clips under another name
        Path f = yaml("""
                name: extra
                dataset:
                  path: %s
                  extraTraining: [voices, twin]
                protocol: {type: leave-one-speaker-out}
                seeds: [1]
                extractors: [{id: m, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 1}}]
                """.formatted(corpus));
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("of which training only (never tested): the files of voices, twin"), r.out());

        JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs");
        assertEquals(3, runs.size(), "one fold per speaker of the dataset, none for the extra voices");
        for (JsonNode run : runs) {
            JsonNode split = run.get("provenance").get("split");
            assertEquals(20, split.get("testSize").asInt(), run.toString());
            assertEquals(40 + 40, split.get("trainSize").asInt(), "two speakers + 40 training-only clips");
            assertEquals(40, split.get("settings").get("extraTrainingFiles").asInt());
            JsonNode dataset = run.get("provenance").get("dataset");
            assertEquals(100, dataset.get("files").asInt());
            assertEquals("[\"voices\",\"twin\"]", dataset.get("extraTraining").toString());
            if (run.get("fold").asText().equals("speaker=george")) {
                // the training-only twin holds exact copies of george's clips: 1-NN finds every one of them
                assertEquals(1.0, run.get("accuracy").asDouble(), 0.0, run.toString());
            }
        }

        // without the twin, george is a new voice again
        Path g = yaml(Files.readString(f).replace("[voices, twin]", "[voices]"));
        Path out2 = dir.resolve("out2");
        AppRunner.Result r2 = AppRunner.run("run", g.toString(), "--out", out2.toString());
        assertEquals(0, r2.exitCode(), r2.err());
        for (JsonNode run : new ObjectMapper().readTree(out2.resolve("results.json").toFile()).get("runs")) {
            assertEquals(60, run.get("provenance").get("split").get("trainSize").asInt());
            if (run.get("fold").asText().equals("speaker=george")) {
                assertTrue(run.get("accuracy").asDouble() < 1.0, run.toString());
            }
        }

        // digits train uses them too, and says so in the bundle
        Path bundle = dir.resolve("m.digits");
        AppRunner.Result t = AppRunner.run("train", "--config", g.toString(), "--out", bundle.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().contains("on m: 80 clips (all data)"), t.out());
        dev.digits.recognition.provenance.RunProvenance provenance = dev.digits.recognition.bundle.ModelBundle.read(bundle,
                Plugins.discover(getClass().getClassLoader())).manifest().provenance();
        assertEquals(java.util.List.of("voices"), provenance.dataset().extraTraining());
    }

    @Test
    void dataSynthWritesACorpusThatServesAsExtraTraining() throws Exception {
        // a stand-in for espeak-ng that "says" every word with one of nicolas's recordings
        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path fake = dir.resolve("fake-espeak");
        Files.writeString(fake, "#!/bin/bash\nwhile [ $# -gt 0 ]; do [ \"$1\" = -w ] && out=\"$2\"; shift; done\n"
                + "cp '" + fsdd.resolve("3_nicolas_0.wav") + "' \"$out\"\n");
        fake.toFile().setExecutable(true);
        AppRunner.Result usage = AppRunner.run("data", "synth");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().contains("data synth takes --out DIR"), usage.err());
        AppRunner.Result badSpeed = AppRunner.run("data", "synth", "--out", "x", "--speeds", "fast");
        assertEquals(2, badSpeed.exitCode());
        assertTrue(badSpeed.err().contains("not a whole number: 'fast'"), badSpeed.err());

        Path synth = dir.resolve("synth");
        AppRunner.Result r = AppRunner.run("data", "synth", "--out", synth.toString(), "--espeak", fake.toString(),
                "--voices", "en-us+f1,en-029", "--speeds", "150");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("wrote 20 recordings (2 voices x 1 speeds x 10 digits, 8000 Hz)"), r.out());
        AppRunner.Result info = AppRunner.run("data", "info", synth.toString());
        assertTrue(info.out().contains("speakers:     2 (espeak-en-029: 10, espeak-en-us-f1: 10)"), info.out());

        Path corpus = MiniCorpus.create(dir, 1);
        Path f = yaml("""
                name: synth
                dataset: {path: %s, extraTraining: [synth]}
                protocol: {type: leave-one-speaker-out}
                extractors: [{id: m, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 1}}]
                """.formatted(corpus));
        Path out = dir.resolve("out");
        AppRunner.Result run = AppRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (JsonNode cell : new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs")) {
            assertEquals(20 + 20, cell.get("provenance").get("split").get("trainSize").asInt());
        }
    }

    @Test
    void missingOrOverlappingFoldersAreRejectedWithTheFileAndLine() throws Exception {
        Path corpus = MiniCorpus.create(dir, 1);
        Path f = yaml("""
                name: extra
                dataset:
                  path: %s
                  extraTraining: [no-such-folder]
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn}}]
                """.formatted(corpus));
        AppRunner.Result v = AppRunner.run("validate", f.toString());
        assertEquals(1, v.exitCode());
        assertTrue(v.err().contains("line 4: dataset.extraTraining folder 'no-such-folder' does not exist"), v.err());

        // the dataset's own recordings folder again: every file would be both tested and trained on
        Path g = yaml(Files.readString(f).replace("[no-such-folder]", "[" + corpus.resolve("recordings") + "]"));
        AppRunner.Result r = AppRunner.run("run", g.toString(), "--out", dir.resolve("out").toString());
        assertFalse(r.exitCode() == 0, r.out());
        assertTrue(r.err().contains("repeats " + corpus.resolve("recordings")), r.err());
        assertFalse(Files.exists(dir.resolve("out/results.json")));
    }
}
