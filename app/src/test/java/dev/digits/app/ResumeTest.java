package dev.digits.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --resume} reuses a finished cell only when the experiment still describes the same cell. */
class ResumeTest {
    @TempDir
    Path dir;

    private Path experiment(Path corpus, String protocol, String k) throws Exception {
        Path f = dir.resolve("resume.yaml");
        Files.writeString(f, """
                name: resume
                dataset: {path: %s}
                protocol: {type: %s}
                seeds: [1]
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: knn, backend: tribuo, spec: {type: knn, k: %s}}]
                """.formatted(corpus, protocol, k));
        return f;
    }

    private static AppRunner.Result run(Path yaml, Path out, boolean resume) {
        AppRunner.Result r = resume ? AppRunner.run("run", yaml.toString(), "--out", out.toString(), "--resume")
                : AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void anEditedModelMakesFinishedCellsStale() throws Exception {
        Path corpus = MiniCorpus.create(dir, 4);
        Path out = dir.resolve("out");
        run(experiment(corpus, "leave-one-speaker-out", "3"), out, false);

        AppRunner.Result same = run(experiment(corpus, "leave-one-speaker-out", "3"), out, true);
        assertTrue(same.out().contains("0 run, 3 resumed"), same.out());
        assertFalse(same.err().contains("stale"), same.err());

        AppRunner.Result edited = run(experiment(corpus, "leave-one-speaker-out", "5"), out, true);
        assertTrue(edited.err().contains("--resume: 3 finished cells are stale and run again (model changed: 3)"),
                edited.err());
        assertTrue(edited.out().contains("3 run, 0 resumed"), edited.out());
        String cell = Files.readString(out.resolve("cells/mean__knn__fold0__seed1.json"));
        assertTrue(cell.contains("\"k\":5") || cell.contains("\\\"k\\\":5"), "the new spec is recorded: " + cell);
    }

    @Test
    void anOfficialSplitRunIsNotReusedByALeaveOneSpeakerOutRun() throws Exception {
        Path corpus = MiniCorpus.create(dir, 6);
        Path out = dir.resolve("out");
        run(experiment(corpus, "official", "3"), out, false);
        assertTrue(Files.exists(out.resolve("cells/mean__knn__fold0__seed1.json")), "fold 0 has the same file name");

        AppRunner.Result loso = run(experiment(corpus, "leave-one-speaker-out", "3"), out, true);
        assertTrue(loso.err().contains("--resume: 1 finished cells are stale and run again (protocol, fold changed: 1)"),
                loso.err());
        assertTrue(loso.out().contains("3 run, 0 resumed"), loso.out());
    }

    @Test
    void aDamagedCellFileIsNamedAndRunAgainAndAnUnrecordedOneIsStale() throws Exception {
        Path corpus = MiniCorpus.create(dir, 4);
        Path out = dir.resolve("out");
        Path yaml = experiment(corpus, "leave-one-speaker-out", "3");
        run(yaml, out, false);
        Path damaged = out.resolve("cells/mean__knn__fold1__seed1.json");
        String text = Files.readString(damaged);
        Files.writeString(damaged, text.substring(0, text.length() / 2));
        // a cell written before configurations were recorded
        Path old = out.resolve("cells/mean__knn__fold2__seed1.json");
        String oldText = Files.readString(old);
        int at = oldText.indexOf(",\n  \"configuration\"");
        assertTrue(at > 0, oldText);
        Files.writeString(old, oldText.substring(0, at) + "\n}\n");

        AppRunner.Result r = run(yaml, out, true);
        assertTrue(r.err().contains("--resume: " + damaged + ": malformed cell record"), r.err());
        assertTrue(r.err().contains("1 finished cells are stale and run again (written before configurations were recorded: 1)"), r.err());
        assertTrue(r.out().contains("2 run, 1 resumed"), r.out());
        assertTrue(Files.readString(damaged).contains("\"configuration\""), "the damaged file was rewritten");
    }
}
