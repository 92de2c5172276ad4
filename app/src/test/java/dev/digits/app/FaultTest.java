package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults that must never end in exit 0 with a wrong figure. */
class FaultTest {
    @TempDir
    Path dir;

    private Path experiment(Path corpus, String protocol) throws Exception {
        Path f = dir.resolve("fault-" + protocol + ".yaml");
        Files.writeString(f, """
                name: fault
                dataset: {path: %s}
                protocol: {type: %s}
                seeds: [1]
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 3}}]
                """.formatted(corpus, protocol));
        return f;
    }

    private static JsonNode results(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void anUnwritableFeatureCacheIsWarnedAboutAndCostsNoClips() throws Exception {
        Path corpus = MiniCorpus.create(dir, 6);
        Path yaml = experiment(corpus, "leave-one-speaker-out");
        Path cacheIsAFile = Files.writeString(dir.resolve("cache-file"), "not a folder");
        AppRunner.Result broken;
        AppRunner.Result fresh;
        try {
            System.setProperty("digits.cache", cacheIsAFile.toString());
            broken = AppRunner.run("run", yaml.toString(), "--out", dir.resolve("broken").toString());
            System.setProperty("digits.cache", dir.resolve("fresh-cache").toString());
            fresh = AppRunner.run("run", yaml.toString(), "--out", dir.resolve("fresh").toString());
        } finally {
            System.clearProperty("digits.cache");
        }
        assertEquals(0, broken.exitCode(), broken.err());
        assertTrue(broken.err().contains("warning: the feature cache cannot be written"), broken.err());
        assertTrue(broken.err().contains(cacheIsAFile.toString()), "names the cache: " + broken.err());
        assertFalse(broken.err().contains("skipped"), "no clip is reported bad: " + broken.err());
        assertTrue(broken.err().contains("0 bad files"), broken.err());
        JsonNode a = results(dir.resolve("broken")).get("runs");
        JsonNode b = results(dir.resolve("fresh")).get("runs");
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).get("provenance").get("split").get("testSize").asInt(),
                    a.get(i).get("provenance").get("split").get("testSize").asInt());
            assertEquals(b.get(i).get("accuracy").asDouble(), a.get(i).get("accuracy").asDouble(), 0.0);
        }
    }

    @Test
    void aRunThatLostMostOfItsClipsFailsInsteadOfScoringTheRest() throws Exception {
        Path corpus = MiniCorpus.create(dir, 6);
        // damage 80% of the files after the scan would see them as WAVs: they fail at extraction
        try (var files = Files.walk(corpus)) {
            var wavs = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            for (int i = 0; i < wavs.size(); i++) {
                if (i % 5 != 0) {
                    byte[] bytes = Files.readAllBytes(wavs.get(i));
                    Files.write(wavs.get(i), java.util.Arrays.copyOf(bytes, 20));
                }
            }
        }
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", experiment(corpus, "official").toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("clips could not be used") && r.err().contains("no figure is reported"), r.err());
        assertFalse(Files.exists(out.resolve("results.json")), "no results are written");
    }

    @Test
    void aTrainingFileWithNanSamplesIsNamedSkippedAndCounted() throws Exception {
        Path corpus = MiniCorpus.create(dir, 6);
        Path victim = corpus.resolve("recordings/3_george_5.wav");
        float[] x = dev.digits.core.audio.WavReader.readClip(victim).samples();
        x[100] = Float.NaN;
        dev.digits.core.audio.WavWriter.write(victim, x, 8000, 1, dev.digits.core.audio.WavFormat.Encoding.IEEE_FLOAT, 32);
        Path out = dir.resolve("nan");
        AppRunner.Result r = AppRunner.run("run", experiment(corpus, "official").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("1 bad files"), r.err());
        assertTrue(r.err().contains("3_george_5.wav: non-finite samples"), r.err());
        JsonNode run = results(out).get("runs").get(0);
        assertEquals("ok", run.get("status").asText());
        assertEquals(30 - 1, run.get("provenance").get("split").get("trainSize").asInt(), "the NaN file is not trained on");
    }

    @Test
    void filesWithoutSpeechAreNoTrainingExamplesAsPredictGivesThemNoDigit() throws Exception {
        Path corpus = MiniCorpus.create(dir, 6);
        // a silent recording and one at an impossible level, both named as digits
        dev.digits.core.audio.WavWriter.write16(corpus.resolve("recordings/3_george_7.wav"), new float[8000], 8000);
        float[] loud = dev.digits.core.audio.WavReader.readClip(corpus.resolve("recordings/5_lucas_5.wav")).samples().clone();
        for (int i = 0; i < loud.length; i++) {
            loud[i] *= 1e30f;
        }
        dev.digits.core.audio.WavWriter.write(corpus.resolve("recordings/5_lucas_8.wav"), loud, 8000, 1,
                dev.digits.core.audio.WavFormat.Encoding.IEEE_FLOAT, 32);
        Path out = dir.resolve("silent");
        AppRunner.Result r = AppRunner.run("run", experiment(corpus, "official").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("2 bad files"), r.err());
        assertTrue(r.err().contains("3_george_7.wav: no speech: digital silence (predict would answer '-')"), r.err());
        assertTrue(r.err().contains("5_lucas_8.wav: no speech: the level is impossible for audio"), r.err());
        assertEquals(30, results(out).get("runs").get(0).get("provenance").get("split").get("trainSize").asInt(),
                "neither is trained on");

        Path bundle = dir.resolve("m.digits");
        AppRunner.Result t = AppRunner.run("train", "--config", experiment(corpus, "official").toString(), "--out",
                bundle.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.err().contains("skipped " + corpus.resolve("recordings/3_george_7.wav") + ": no speech"), t.err());
    }
}
