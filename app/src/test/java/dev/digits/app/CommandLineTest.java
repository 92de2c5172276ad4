package dev.digits.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void helpListsCommandsAndExitsZero() {
        AppRunner.Result r = AppRunner.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("list") && r.out().contains("data"), r.out());
        AppRunner.Result sub = AppRunner.run("data", "--help");
        assertEquals(0, sub.exitCode());
        assertTrue(sub.out().contains("--from"), sub.out());
    }

    @Test
    void usageErrorsExitTwo() {
        AppRunner.Result unknown = AppRunner.run("lst");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean 'list'?"), unknown.err());
        AppRunner.Result badOption = AppRunner.run("data", "info", "--no-such-option");
        assertEquals(2, badOption.exitCode());
        assertTrue(badOption.err().contains("no-such-option"), badOption.err());
        assertEquals(2, AppRunner.run().exitCode());
    }

    @Test
    void failuresExitOneWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "nothing here");
        AppRunner.Result r = AppRunner.run("data", "info", dir.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("digits data: error: " + dir + ": no WAV files in this folder"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        AppRunner.Result verbose = AppRunner.run("data", "info", dir.toString(), "--verbose");
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void dataInfoDescribesFsdd() {
        AppRunner.Result r = AppRunner.run("data", "info", "fsdd");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("files:        3000 readable, 0 bad"), r.out());
        assertTrue(r.out().contains("per digit:    0: 300, 1: 300"), r.out());
        assertTrue(r.out().contains("speakers:     6 ("), r.out());
        assertTrue(r.out().contains("sample rates: 8000 Hz: 3000"), r.out());
    }

    @Test
    void dataInfoReportsBadFiles(@TempDir Path dir) throws Exception {
        Path rec = Files.createDirectories(dir.resolve("recordings"));
        dev.digits.core.audio.WavWriter.write16(rec.resolve("1_amy_0.wav"), new float[800], 8000);
        Files.write(rec.resolve("2_amy_0.wav"), new byte[0]);
        AppRunner.Result r = AppRunner.run("data", "info", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 readable, 1 bad"), r.out());
        assertTrue(r.out().contains("2_amy_0.wav: empty file (0 bytes)"), r.out());
    }

    @Test
    void dataFetchInstallsFromALocalMirror(@TempDir Path dir) throws Exception {
        AppRunner.Result r = AppRunner.run("data", "fetch", "fsdd", "--from", dev.digits.core.dataset.DatasetLocator.defaults().locate("fsdd").toString(),
                "--dir", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("fsdd/recordings/0_jackson_0.wav")));
        assertTrue(r.err().contains("verified 3000 files"), r.err());
        AppRunner.Result unknown = AppRunner.run("data", "fetch", "timit");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown dataset 'timit'; known: fsdd"), unknown.err());
    }
}
