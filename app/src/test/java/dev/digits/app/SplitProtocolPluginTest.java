package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Split protocols are plugins: found by name, their settings validated with line numbers, added in one class. */
class SplitProtocolPluginTest {
    @TempDir
    Path dir;

    private Path yaml(String name, String protocol, Path corpus) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, """
                name: split
                dataset: {path: %s}
                protocol: %s
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: 1}}]
                """.formatted(corpus, protocol));
        return f;
    }

    @Test
    void aProtocolFromAPluginIsListedValidatedAndRun() throws Exception {
        Path corpus = MiniCorpus.create(dir, 3);
        AppRunner.Result list = AppRunner.run("list");
        assertTrue(list.out().contains("Split protocols") && list.out().contains("every-third")
                && list.out().contains("leave-one-speaker-out"), list.out());

        AppRunner.Result bad = AppRunner.run("validate", yaml("bad.yaml", "{type: every-third, offset: 5}", corpus).toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("line 3: protocol every-third: parameter 'offset' must be"), bad.err());

        Path f = yaml("ok.yaml", "{type: every-third, offset: 1}", corpus);
        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", f.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode run = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs").get(0);
        assertEquals("every-third", run.get("protocol").asText());
        assertEquals(30, run.get("provenance").get("split").get("testSize").asInt(), "90 clips, every third tested");
        assertEquals(1, run.get("provenance").get("split").get("settings").get("offset").asInt());
    }

    @Test
    void builtInProtocolSettingsAreCheckedWithTheirLine() throws Exception {
        Path corpus = MiniCorpus.create(dir, 1);
        AppRunner.Result k = AppRunner.run("validate", yaml("k.yaml", "{type: speaker-kfold}", corpus).toString());
        assertTrue(k.err().contains("line 3: protocol speaker-kfold needs k (the number of folds)"), k.err());

        AppRunner.Result fraction = AppRunner.run("validate", yaml("f.yaml", "{type: random, testFraction: 2}", corpus).toString());
        assertTrue(fraction.err().contains("line 3: protocol random: parameter 'testFraction'"), fraction.err());

        AppRunner.Result typo = AppRunner.run("validate", yaml("t.yaml", "{type: randon}", corpus).toString());
        assertTrue(typo.err().contains("line 3: unknown protocol 'randon' (did you mean 'random'?); available: "),
                typo.err());

        AppRunner.Result key = AppRunner.run("validate", yaml("key.yaml", "{type: official, k: 3}", corpus).toString());
        assertTrue(key.err().contains("line 3: unknown key 'protocol.k'"), key.err());

        AppRunner.Result ok = AppRunner.run("validate", yaml("ok.yaml", "{type: speaker-kfold, k: 3, seed: 7}", corpus).toString());
        assertEquals(0, ok.exitCode(), ok.err());
    }
}
