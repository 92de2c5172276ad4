package dev.digits.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same experiment (real FSDD, all three backends in one JVM with Spark) run locally and on Spark local[2]:
 * same splits, same cells, same numbers where the backend is deterministic; resume works the same.
 */
class SparkExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields that measure time or say when a cell ran: the only ones allowed to differ. */
    private static final List<String> TIMING = List.of("trainSeconds", "extractMillisPerClip", "predictMillisPerClip");
    private static final List<String> WHEN = List.of("startTime", "durationSeconds");

    @Test
    void sparkRunGivesTheLocalRunsResultsAndResumes(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("both.yaml"), """
                name: both
                dataset: {name: fsdd}
                protocol: {type: leave-one-speaker-out}
                seeds: [1]
                extractors:
                  - {id: mean, type: mfcc-librosa, params: {sr: native, n_mfcc: 20, pooling: mean-std}}
                models:
                  - {id: logistic, backend: tribuo, spec: {type: logistic}}
                  - {id: dl4j, backend: dl4j, spec: {type: mlp, hidden: [32], epochs: 2, standardize: true}}
                  - {id: tf, backend: tensorflow, spec: {type: mlp, hidden: [32], epochs: 2, standardize: true}}
                """);
        Path localOut = dir.resolve("local");
        Path sparkOut = dir.resolve("spark");
        Cli.Result local = Cli.run("run", yaml.toString(), "--out", localOut.toString());
        assertEquals(0, local.exitCode(), local.err());
        Cli.Result spark = Cli.run("run", yaml.toString(), "--out", sparkOut.toString(), "--engine", "spark",
                "--master", "local[2]");
        assertEquals(0, spark.exitCode(), spark.err());
        assertTrue(spark.err().contains("engine: spark local[2]"), spark.err());
        assertTrue(spark.err().contains("running on Spark"), spark.err());
        assertTrue(spark.out().contains("18 cells: 18 run, 0 resumed, 0 failed"), spark.out());

        Map<?, ?> a = JSON.readValue(localOut.resolve("results.json").toFile(), Map.class);
        Map<?, ?> b = JSON.readValue(sparkOut.resolve("results.json").toFile(), Map.class);
        assertEquals("local", ((Map<?, ?>) ((Map<?, ?>) a.get("experiment")).get("engine")).get("type"));
        assertEquals("spark", ((Map<?, ?>) ((Map<?, ?>) b.get("experiment")).get("engine")).get("type"));
        List<?> runsA = (List<?>) a.get("runs");
        List<?> runsB = (List<?>) b.get("runs");
        assertEquals(18, runsA.size());
        for (int i = 0; i < runsA.size(); i++) {
            Map<?, ?> ra = comparable((Map<?, ?>) runsA.get(i));
            Map<?, ?> rb = comparable((Map<?, ?>) runsB.get(i));
            assertEquals("ok", ra.get("status"), String.valueOf(ra.get("error")));
            assertEquals(ra, rb, "cell " + ra.get("cell"));
        }

        // resume on Spark: a lost cell is run again, the others are kept
        Path cells = sparkOut.resolve("cells");
        String lost;
        try (var files = Files.list(cells)) {
            Path first = files.sorted().findFirst().orElseThrow();
            lost = first.getFileName().toString();
            Files.delete(first);
        }
        Cli.Result resumed = Cli.run("run", yaml.toString(), "--out", sparkOut.toString(), "--resume", "--engine", "spark",
                "--master", "local[2]");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("18 cells: 1 run, 17 resumed, 0 failed"), resumed.out());
        assertTrue(Files.exists(cells.resolve(lost)));
    }

    @Test
    void aFailingTaskIsRetriedBySparkThenRecordedAsAFailedCellWhileTheOthersFinish(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("flaky.yaml"), """
                name: flaky
                dataset: {name: fsdd}
                protocol: {type: official}
                seeds: [7]
                engine: {type: spark, master: "local[2,2]"}
                extractors:
                  - {id: mean, type: mfcc-librosa, params: {sr: native, n_mfcc: 20, pooling: mean}}
                models:
                  - {id: once, backend: flaky, spec: {type: once}}
                  - {id: always, backend: flaky, spec: {type: always}}
                  - {id: logistic, backend: tribuo, spec: {type: logistic}}
                """);
        Path out = dir.resolve("out");
        FlakyBackend.FAILED_ONCE.clear();
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("2 attempts per task"), r.err());
        Map<?, ?> doc = JSON.readValue(out.resolve("results.json").toFile(), Map.class);
        Map<String, Map<?, ?>> byModel = new java.util.HashMap<>();
        for (Object o : (List<?>) doc.get("runs")) {
            byModel.put((String) ((Map<?, ?>) o).get("model"), (Map<?, ?>) o);
        }
        // failed on the first attempt, Spark retried it, the second attempt trained
        assertEquals("ok", byModel.get("once").get("status"));
        assertEquals(2, byModel.get("once").get("attempts"));
        // failed on both attempts: recorded as a failed cell with the reason, in results.json and its cell file
        Map<?, ?> always = byModel.get("always");
        assertEquals("failed", always.get("status"));
        assertEquals(2, always.get("attempts"));
        assertTrue(String.valueOf(always.get("error")).contains("simulated worker failure"), String.valueOf(always.get("error")));
        assertTrue(Files.exists(out.resolve("cells").resolve(always.get("cell") + ".json")));
        assertTrue(r.err().contains("FAILED"), r.err());
        // the healthy cell ran as usual and never needed a retry
        assertEquals("ok", byModel.get("logistic").get("status"));
        assertFalse(byModel.get("logistic").containsKey("attempts"));
        assertNotEquals(null, byModel.get("logistic").get("accuracy"));
    }

    @Test
    void engineMistakesAreRejectedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                dataset: {name: fsdd}
                engine: {type: spark, mastr: "local[2]", filesPerTask: 0}
                extractors:
                  - {id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}
                models:
                  - {id: logistic, backend: tribuo, spec: {type: logistic}}
                """);
        Cli.Result r = Cli.run("validate", yaml.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("unknown key 'engine.mastr'") && r.err().contains("did you mean 'master'"), r.err());
        assertTrue(r.err().contains("filesPerTask must be a positive whole number"), r.err());
        assertTrue(r.err().contains("line 3"), r.err());

        Path good = Files.writeString(dir.resolve("good.yaml"), Files.readString(yaml)
                .replace("engine: {type: spark, mastr: \"local[2]\", filesPerTask: 0}\n", ""));
        Cli.Result typo = Cli.run("run", good.toString(), "--engine", "sprak", "--out", dir.resolve("o").toString());
        assertNotEquals(0, typo.exitCode());
        assertTrue(typo.err().contains("unknown engine 'sprak'") && typo.err().contains("did you mean 'spark'"), typo.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing ran");
    }

    /** A cell's record without what measures time or tells when it ran. */
    private static Map<?, ?> comparable(Map<?, ?> run) {
        Map<Object, Object> m = new java.util.LinkedHashMap<>(run);
        TIMING.forEach(m::remove);
        Map<Object, Object> provenance = new java.util.LinkedHashMap<>((Map<?, ?>) m.get("provenance"));
        WHEN.forEach(provenance::remove);
        // Tribuo's own provenance text records when its dataset was made and the model trained
        Map<Object, Object> backend = new java.util.LinkedHashMap<>((Map<?, ?>) provenance.get("backend"));
        backend.replaceAll((k, v) -> v instanceof String text ? text.replaceAll("(?m)^.*(creation-time|trained-at) = .*$", "") : v);
        provenance.put("backend", backend);
        m.put("provenance", provenance);
        return m;
    }
}
