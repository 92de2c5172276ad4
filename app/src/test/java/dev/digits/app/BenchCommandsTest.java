package dev.digits.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench model} and {@code bench adapt} go through the experiment engine's cell pipeline, as {@code run} does. */
class BenchCommandsTest {
    @TempDir
    Path dir;

    @Test
    void benchModelScoresWhatRunScoresForTheSameModelAndSplit() throws Exception {
        AppRunner.Result bench = AppRunner.run("bench", "model", "--backend", "tribuo", "--type", "logistic", "--seeds", "3");
        assertEquals(0, bench.exitCode(), bench.err());
        Matcher m = Pattern.compile("seed 3: train [0-9.]+ s[^,]*, test accuracy ([0-9.]+)%").matcher(bench.out());
        assertTrue(m.find(), bench.out());
        assertTrue(bench.out().contains("FSDD official split 2700/300"), bench.out());
        assertTrue(bench.out().contains("predict latency, batch of 1"), bench.out());

        Path yaml = dir.resolve("same.yaml");
        Files.writeString(yaml, """
                name: same
                dataset: {name: fsdd}
                protocol: {type: official}
                seeds: [3]
                extractors: [{id: notebook, type: mfcc-librosa, params: {sr: 22050, pooling: mean}}]
                models: [{id: bench, backend: tribuo, spec: {type: logistic}}]
                """);
        Path out = dir.resolve("out");
        AppRunner.Result run = AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        double accuracy = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs").get(0)
                .get("accuracy").asDouble();
        assertEquals(String.format(Locale.ROOT, "%.2f", accuracy * 100), m.group(1));
    }

    @Test
    void benchAdaptAdaptsToEachHeldOutSpeaker() throws Exception {
        Path corpus = MiniCorpus.create(dir, 4);
        Path yaml = dir.resolve("adapt.yaml");
        Files.writeString(yaml, """
                name: adapt
                dataset: {path: %s}
                cache: false
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """.formatted(corpus));
        AppRunner.Result r = AppRunner.run("bench", "adapt", "--config", yaml.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String speaker : new String[] {"george", "jackson", "lucas"}) {
            assertTrue(Pattern.compile("speaker=" + speaker + " +before +[0-9.]+%  re-trained only +[0-9.]+%  after "
                    + "\\(shift \\+ re-trained\\) +[0-9.]+%  \\(30 test clips\\)").matcher(r.out()).find(), r.out());
        }
        assertTrue(r.out().contains("mean over 3 speakers: before "), r.out());
    }

    @Test
    void benchHeadTrainsOnTheReplicatedSetAndPrintsTrainsEstimateNextToTheRealTime() throws Exception {
        Path corpus = MiniCorpus.create(dir, 4);
        Path yaml = dir.resolve("head.yaml");
        Files.writeString(yaml, """
                name: head
                dataset: {path: %s}
                cache: false
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """.formatted(corpus));
        AppRunner.Result r = AppRunner.run("bench", "head", "--config", yaml.toString(), "--examples", "5000");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("head logistic (tribuo logistic) on mean: 5000 examples of 26 features (120 real "
                + "ones, replicated with 0.05 jitter)"), r.out());
        assertTrue(Pattern.compile("train's estimate: about \\d+ s \\([0-9.]+ s; pilots on 1000, 2000 and 4000 examples")
                .matcher(r.out()).find(), r.out());
        assertTrue(Pattern.compile("trained in [0-9.]+ s \\([0-9.]+ min; \\d+ examples/s; estimate/actual [0-9.]+\\); "
                + "accuracy on the real examples [0-9.]+%").matcher(r.out()).find(), r.out());
        AppRunner.Result bad = AppRunner.run("bench", "head", "--config", yaml.toString(), "--examples", "many");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--examples takes a whole number from 100 to 100000000, got 'many'"), bad.err());
    }
}
