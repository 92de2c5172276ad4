package dev.digits.app;

import dev.digits.app.cli.LibraryLogging;
import dev.digits.experiment.console.ProgressLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What users read: no library logging on screen (kept in the run's log), progress bars or plain lines, short errors. */
class QuietOutputTest {
    @TempDir
    Path dir;

    private final PrintStream realErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(realErr);
    }

    @Test
    void libraryLogsStayOffTheScreenAndGoToTheRunLogAndVerboseShowsThem() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(screen, true, StandardCharsets.UTF_8));
        LibraryLogging.configure(false);
        java.util.logging.Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer").info("Training SGD model with 2700 examples");
        LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend").info("Loaded [CpuBackend] backend");
        Path log = dir.resolve("digits.log");
        LibraryLogging.keepIn(log);
        LoggerFactory.getLogger("org.deeplearning4j.nn").warn("after the log file was named");
        String kept = Files.readString(log);
        assertTrue(kept.contains("Training SGD model with 2700 examples"), "java.util.logging (Tribuo) is bridged: " + kept);
        assertTrue(kept.contains("Loaded [CpuBackend] backend") && kept.contains("after the log file was named"), kept);
        assertEquals("", screen.toString(StandardCharsets.UTF_8), "nothing from the libraries on screen");

        Path nativeLines = Files.writeString(dir.resolve("native.txt"), "I0000 00:00:1.5 12 mlir_graph_optimization_pass.cc:401] MLIR\n");
        LibraryLogging.appendToLog("native libraries (standard error)", nativeLines);
        assertTrue(Files.readString(log).contains("--- native libraries (standard error) ---\nI0000"), Files.readString(log));

        LibraryLogging.configure(true);
        java.util.logging.Logger.getLogger("org.tribuo.x").info("shown with verbose");
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains("shown with verbose"), screen.toString(StandardCharsets.UTF_8));
    }

    @Test
    void javacppAndOpenBlasComeFromTheSameRelease() throws Exception {
        String javacpp = org.bytedeco.javacpp.Loader.getVersion();
        Properties openblas = new Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/maven/org.bytedeco/openblas/pom.properties")) {
            openblas.load(in);
        }
        String version = openblas.getProperty("version");
        assertTrue(version.endsWith("-" + javacpp), "openblas " + version + " is built for javacpp " + javacpp);
    }

    @Test
    void theLauncherFilterMovesNativeInfoLinesIntoTheLogAndPassesTheRest() throws Exception {
        Path filter = Path.of("../digits");
        String script = Files.readString(filter);
        String perl = script.substring(script.indexOf("filter='") + 8, script.indexOf("'\nset +e"));
        Assumptions.assumeTrue(new ProcessBuilder("perl", "-v").start().waitFor() == 0, "perl is on this machine");
        Path log = dir.resolve("native.log");
        Process p = new ProcessBuilder("perl", "-e", perl, log.toString()).start();
        String input = "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\n"
                + "I0000 00:00:1796210478.963516    1874 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled\n"
                + "\r[1/3] dl4j-mlp  10% loss 0.3\r[1/3] dl4j-mlp  20% loss 0.2\n"
                + "E0000 00:00:1.0 1 foo.cc:1] a native error stays visible\n"
                + "features librosa-mean: 3000 clips\n";
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String screen = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("\r[1/3] dl4j-mlp  10% loss 0.3\r[1/3] dl4j-mlp  20% loss 0.2\n"
                + "E0000 00:00:1.0 1 foo.cc:1] a native error stays visible\nfeatures librosa-mean: 3000 clips\n", screen);
        String moved = Files.readString(log);
        assertTrue(moved.startsWith("WARNING: All log messages") && moved.contains("MLIR V1 optimization pass"), moved);
    }

    @Test
    void progressIsABarOnATerminalAndPlainLinesElsewhere() {
        ByteArrayOutputStream plainOut = new ByteArrayOutputStream();
        ProgressLine plain = new ProgressLine(new PrintStream(plainOut, true, StandardCharsets.UTF_8));
        plain.start("features mfcc");
        for (int i = 1; i <= 3000; i++) {
            plain.update(i, 3000, null);
        }
        plain.transfers().update("download v1.0.10.tar.gz", 8_000_000, 16_000_000);
        plain.transfers().update("verify fsdd", 10, 3000);
        String lines = plainOut.toString(StandardCharsets.UTF_8);
        assertEquals(11, lines.lines().filter(l -> l.startsWith("features mfcc ")).count(), lines);
        assertTrue(lines.contains("download v1.0.10.tar.gz 50% of 16.0 MB"), lines);
        assertFalse(lines.contains("\r") || lines.contains("verify"), lines);

        ByteArrayOutputStream barOut = new ByteArrayOutputStream();
        ProgressLine bar = ProgressLine.onTerminal(new PrintStream(barOut, true, StandardCharsets.UTF_8));
        bar.start("[1/3] tf-mlp");
        for (int epoch = 1; epoch <= 100; epoch++) {
            bar.update(epoch, 100, "loss 0.12");
        }
        String drawn = barOut.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("\r") && drawn.contains("[1/3] tf-mlp 100%") && drawn.contains("100/100")
                && drawn.contains("loss 0.12"), drawn);
    }

    @Test
    void aUserErrorIsOneMessageWithoutAStackTraceHint() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nprotocl: {type: official}\n");
        AppRunner.Result r = AppRunner.run("run", bad.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("did you mean 'protocol'"), r.err());
        assertFalse(r.err().contains("--verbose"), r.err());
        AppRunner.Result missing = AppRunner.run("predict", "--model", dir.resolve("none.digits").toString(), "x.wav");
        assertFalse(missing.err().contains("--verbose"), missing.err());
    }
}
