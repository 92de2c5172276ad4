package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentTest {
    @TempDir
    Path dir;

    private Path yaml(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private Path miniCorpus() throws Exception {
        return MiniCorpus.create(dir, 6);
    }

    @Test
    void invalidYamlIsRejectedBeforeAnythingRuns() throws Exception {
        Path f = yaml("bad.yaml", """
                name: bad
                dataset: {name: fsdd}
                protocl: {type: official}
                seeds: [1, two]
                extractors:
                  - {id: m, type: mfcc-librosa, params: {n_mfc: 13}}
                models:
                  - {id: x, backend: tribuo, spec: {type: logistic, epochs: many}}
                """);
        AppRunner.Result r = AppRunner.run("validate", f.toString());
        assertEquals(1, r.exitCode());
        String err = r.err();
        assertTrue(err.contains("line 3: unknown key 'protocl' (did you mean 'protocol'?)"), err);
        assertTrue(err.contains("line 4: seeds must be integers, got 'two'"), err);
        assertTrue(err.contains("line 6: mfcc-librosa: unknown parameter 'n_mfc' (did you mean 'n_mfcc'?)"), err);
        assertTrue(err.contains("line 8: tribuo logistic: parameter 'epochs' must be an integer, got 'many'"), err);
        AppRunner.Result run = AppRunner.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, run.exitCode());
        assertFalse(Files.exists(dir.resolve("out")), "nothing ran, nothing written");

        Path broken = yaml("broken.yaml", "name: x\nmodels: [unclosed\n");
        AppRunner.Result b = AppRunner.run("validate", broken.toString());
        assertTrue(b.err().contains("not valid YAML"), b.err());
    }

    @Test
    void unknownBackendListsTheAvailableOnes() throws Exception {
        Path f = yaml("unknown.yaml", """
                name: unknown
                dataset: {name: fsdd}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: x, backend: tribuoo, spec: {type: logistic}}]
                """);
        AppRunner.Result r = AppRunner.run("validate", f.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("line 4: unknown backend 'tribuoo' (did you mean 'tribuo'?); available: "), r.err());
    }

    @Test
    void theSparkEngineWithoutItsModuleSaysWhereToGetIt() throws Exception {
        Path f = yaml("spark.yaml", """
                name: spark
                dataset: {name: fsdd}
                engine: {type: spark, master: "local[2]"}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: x, backend: tribuo, spec: {type: logistic}}]
                """);
        AppRunner.Result r = AppRunner.run("validate", f.toString());
        assertEquals(1, r.exitCode());
        // this module's tests have only the built-in local engine on the class path
        assertTrue(r.err().contains("line 3: unknown engine 'spark'; available: local (the spark engine is the "
                + "engine-spark module"), r.err());
        AppRunner.Result cli = AppRunner.run("run", f.toString(), "--engine", "local",
                "--master", "local[2]");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains("line 3: unknown engine 'spark'"), "the file is checked even when --engine overrides it");
    }

    @Test
    void missingDatasetSaysWhereItLooked() throws Exception {
        Path f = yaml("missing.yaml", """
                name: missing
                dataset: {path: /no/such/corpus}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: x, backend: tribuo, spec: {type: logistic}}]
                """);
        AppRunner.Result r = AppRunner.run("run", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("dataset folder /no/such/corpus does not exist"), r.err());
    }

    @Test
    void validateChecksTheDatasetAsRunWouldUse() throws Exception {
        String body = """
                name: data
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: x, backend: tribuo, spec: {type: logistic}}]
                """;
        Path missing = yaml("missing.yaml", body.formatted(dir.resolve("nowhere")));
        Files.createDirectories(dir.resolve("empty/sub"));
        Path empty = yaml("empty.yaml", body.formatted(dir.resolve("empty")));
        Path odd = dir.resolve("odd");
        Files.createDirectories(odd);
        Files.copy(MiniCorpus.create(dir.resolve("source"), 1).resolve("recordings/0_george_0.wav"), odd.resolve("hello.wav"));
        Path unmatched = yaml("odd.yaml", body.formatted(odd));
        Path good = yaml("good.yaml", body.formatted(miniCorpus()));
        AppRunner.Result r = AppRunner.run("validate", missing.toString(), empty.toString(), unmatched.toString(),
                good.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(missing + ": dataset: dataset folder " + dir.resolve("nowhere") + " does not exist"),
                r.err());
        assertTrue(r.err().contains(empty + ": dataset: " + dir.resolve("empty") + ": no WAV files in this folder"), r.err());
        assertTrue(r.err().contains(unmatched + ": dataset: " + odd + ": 1 WAV file, but their names and folders fit no "
                + "known corpus layout (such as hello.wav)"), r.err());
        assertFalse(r.out().contains(missing + ": valid"), r.out());
        assertTrue(r.out().contains(good + ": valid (data: 180 files (fsdd layout), protocol leave-one-speaker-out: 3 folds"),
                "the other files are still checked: " + r.out());
    }

    @Test
    void nestedSettingsBinaryFilesAndHugeFilesAreRefusedWithTheFileName() throws Exception {
        Path typo = yaml("typo.yaml", """
                name: typo
                dataset: {path: %s}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models:
                  - {id: x, backend: tensorflow, spec: {type: mlp, validationFraction: 0.2, earlyStopping: {patiense: 3}}}
                """.formatted(miniCorpus()));
        AppRunner.Result t = AppRunner.run("validate", typo.toString());
        assertEquals(1, t.exitCode(), t.out());
        assertTrue(t.err().contains("line 5: tensorflow mlp: earlyStopping: unknown parameter 'patiense' (did you mean "
                + "'patience'?)"), t.err());

        Path binary = dir.resolve("binary.yaml");
        Files.write(binary, new byte[]{'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, (byte) 0xfe, 0, 1});
        AppRunner.Result b = AppRunner.run("validate", binary.toString());
        assertEquals(1, b.exitCode());
        assertTrue(b.err().contains(binary + ": 1 problem:\n  not a text file: byte 6 is not UTF-8"), b.err());

        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, "name: huge\ndescription: " + "x".repeat(10_000_000) + "\n");
        AppRunner.Result h = AppRunner.run("validate", huge.toString());
        assertEquals(1, h.exitCode());
        assertTrue(h.err().contains(huge + ": 1 problem:\n  10.0 MB is too large for an experiment file (at most 1024 KB)"),
                h.err());
    }

    @Test
    void aFailingCellIsRecordedAndTheOthersRunThenResumeSkipsFinishedCells() throws Exception {
        Path corpus = miniCorpus();
        Path f = yaml("mixed.yaml", """
                name: mixed
                dataset: {path: %s}
                protocol: {type: leave-one-speaker-out}
                seeds: [1]
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models:
                  - {id: fails, backend: throwing, spec: {type: mlp}}
                  - {id: knn, backend: tribuo, spec: {type: knn, k: 3}}
                """.formatted(corpus));
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("cells     6 = "), r.out());
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(6, results.get("runs").size());
        int failed = 0;
        for (JsonNode run : results.get("runs")) {
            if (run.get("model").asText().equals("fails")) {
                assertEquals("failed", run.get("status").asText());
                assertTrue(run.get("error").asText().contains("the GPU caught fire"));
                failed++;
            } else {
                assertEquals("ok", run.get("status").asText());
                double acc = run.get("accuracy").asDouble();
                assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
                assertEquals(10, run.get("confusion").size());
                assertEquals(60, run.get("provenance").get("split").get("testSize").asInt());
                assertTrue(run.get("provenance").get("dataset").get("sha256").asText().length() == 64);
                assertEquals(2, run.get("provenance").get("extractor").get("revision").asInt(),
                        "mfcc-librosa's revision is recorded");
            }
        }
        assertEquals(3, failed);
        for (String file : new String[] {"results.csv", "report.html", "report.md", "accuracy.png"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Accuracy per fold") && md.contains("speaker=jackson"), md);
        assertTrue(md.contains("Failed runs") && md.contains("the GPU caught fire"), md);

        AppRunner.Result again = AppRunner.run("run", f.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("3 run, 3 resumed"), again.out());
        try (Stream<Path> cells = Files.list(out.resolve("cells"))) {
            assertEquals(6, cells.filter(p -> p.toString().endsWith(".json")).count());
        }
    }
}
