package dev.digits.app;

import dev.digits.experiment.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs never share an output folder: default folders are unique, a given one is locked. */
class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 12, 2, 10, 30, 15);
        Path results = dir.resolve("results");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunFolder>> started = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<RunFolder> start = () -> RunFolder.createUnique(results, "quickstart", now);
                started.add(pool.submit(start));
            }
            Set<Path> folders = new HashSet<>();
            for (Future<RunFolder> f : started) {
                RunFolder folder = f.get();
                folders.add(folder.dir());
                Files.writeString(folder.dir().resolve("results.json"), "{}");
                folder.close();
            }
            assertEquals(8, folders.size(), folders.toString());
            assertTrue(folders.contains(results.resolve("quickstart-20261202-103015")), folders.toString());
            assertTrue(folders.contains(results.resolve("quickstart-20261202-103015-8")), folders.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        Path out = dir.resolve("out");
        try (RunFolder first = RunFolder.open(out)) {
            Files.writeString(out.resolve("results.json"), "{}");
            IOException e = assertThrows(IOException.class, () -> RunFolder.open(out));
            assertTrue(e.getMessage().startsWith(out + " is in use by another run (pid " + ProcessHandle.current().pid()),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("wait for it to finish or give another --out"), e.getMessage());

            Path yaml = dir.resolve("x.yaml");
            Files.writeString(yaml, """
                    name: x
                    dataset: {path: %s}
                    extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                    models: [{id: k, backend: tribuo, spec: {type: knn}}]
                    """.formatted(MiniCorpus.create(dir, 2)));
            AppRunner.Result r = AppRunner.run("run", yaml.toString(), "--out", out.toString());
            assertEquals(1, r.exitCode());
            assertTrue(r.err().contains(out + " is in use by another run"), r.err());
            assertFalse(Files.exists(out.resolve("cells")), "the refused run wrote nothing");
        }
        try (RunFolder again = RunFolder.open(out)) {
            assertEquals(out, again.dir(), "free again once the first run has finished");
        }
        assertTrue(Files.exists(out.resolve("results.json")), "a folder with results is kept");
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemovedWhenTheFolderIsOpenedAgain() throws Exception {
        Path out = dir.resolve("out");
        Path cells = Files.createDirectories(out.resolve("cells"));
        Path report = Files.writeString(out.resolve(".report.html4711.part"), "<html>half");
        Path cell = Files.writeString(cells.resolve(".a-b-0-1.json99.part"), "{\"acc");
        Path finished = Files.writeString(cells.resolve("a-b-0-1.json"), "{}");
        try (RunFolder folder = RunFolder.open(out)) {
            assertFalse(Files.exists(report));
            assertFalse(Files.exists(cell));
            assertTrue(Files.exists(finished), "finished cells stay");
        }
    }

    @Test
    void aRunThatFailsBeforeItsFirstCellLeavesNoEmptyFolder() throws Exception {
        Path yaml = dir.resolve("missing.yaml");
        Files.writeString(yaml, """
                name: missing
                dataset: {path: /no/such/corpus}
                extractors: [{id: m, type: mfcc-librosa, params: {pooling: mean}}]
                models: [{id: k, backend: tribuo, spec: {type: knn}}]
                """);
        Path out = dir.resolve("never");
        AppRunner.Result r = AppRunner.run("run", yaml.toString(), "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertFalse(Files.exists(out), "no empty folder left behind");
    }
}
