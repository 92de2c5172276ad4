package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Speech Commands (the sample beside the checkout) by name: {@code data info}, {@code validate} and {@code run}. */
class SpeechCommandsExperimentTest {
    @TempDir
    Path dir;

    @Test
    void dataInfoSaysWhatTheSampleHoldsAndThatItIsPartial() {
        AppRunner.Result r = AppRunner.run("data", "info", "speech-commands");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(layout speech-commands)"), r.out());
        assertTrue(r.out().contains("files:        331 readable, 0 bad"), r.out());
        assertTrue(r.out().contains("speakers:     206 ("), r.out());
        assertTrue(r.out().contains("other words:  25 (backward, bed, bird,"), r.out());
        assertTrue(r.out().contains("official:     none (no testing_list.txt)"), r.out());
        assertTrue(r.out().contains("is a partial copy of Speech Commands: 331 of the 38908 digit clips"), r.out());
    }

    @Test
    void speakerFoldsSplitSpeechCommandsAndFsddTogetherAndKeepTheirSpeakersWhenAClipIsSkipped() throws Exception {
        Path yaml = dir.resolve("sc.yaml");
        Files.writeString(yaml, """
                name: sc
                dataset: {name: speech-commands, include: [fsdd]}
                protocol: {type: speaker-kfold, k: 3, seed: 1}
                cache: false
                extractors: [{id: m, type: mfcc-librosa, params: {sr: 8000, pooling: mean-std, n_mfcc: 13}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """);
        Files.writeString(dir.resolve("typo.yaml"), Files.readString(yaml).replace("include: [fsdd]", "include: [fsddd]"));
        AppRunner.Result typo = AppRunner.run("validate", dir.resolve("typo.yaml").toString());
        assertEquals(1, typo.exitCode(), typo.out() + typo.err());
        assertTrue((typo.out() + typo.err()).contains("line 2") && (typo.out() + typo.err()).contains("did you mean 'fsdd'"),
                typo.out() + typo.err());

        Path out = dir.resolve("out");
        AppRunner.Result r = AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("is a partial copy of Speech Commands: 331 of the 38908"), r.out());
        assertTrue(r.out().contains("with fsdd, split together"), r.out());
        JsonNode runs = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("runs");
        assertEquals(3, runs.size());
        int tested = 0;
        for (JsonNode run : runs) {
            tested += run.get("provenance").get("split").get("testSize").asInt();
            assertEquals("[\"fsdd\"]", run.get("provenance").get("dataset").get("include").toString());
            assertTrue(run.get("accuracy").asDouble() > 0.3, run.toString());
        }
        // every clip of both datasets tested once, but nine/778a4a01_nohash_1.wav: no speech in it, so skipped
        assertEquals(3330, tested);
        assertTrue(r.err().contains("778a4a01_nohash_1.wav: no speech"), r.err());
    }
}
