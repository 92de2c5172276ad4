package dev.digits.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGTERM to the {@code ./digits} launcher stops the program it started: {@code serve} does not outlive it. */
class LauncherSignalsIT {
    @TempDir
    Path dir;

    @Test
    void stoppingTheLauncherStopsTheServer() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path corpus = MiniCorpus.create(dir, 2);
        Path yaml = dir.resolve("m.yaml");
        Files.writeString(yaml, """
                name: m
                dataset: {path: %s}
                cache: false
                extractors: [{id: mean, type: mfcc-librosa, params: {sr: native, pooling: mean}}]
                models: [{id: logistic, backend: tribuo, spec: {type: logistic}}]
                """.formatted(corpus));
        Path bundle = dir.resolve("m.digits");
        Process train = new ProcessBuilder(List.of(root.resolve("digits").toString(), "train", "--config", yaml.toString(),
                "--out", bundle.toString())).redirectErrorStream(true).start();
        String trained = new String(train.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(train.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, train.exitValue(), trained);

        Process serve = new ProcessBuilder(List.of(root.resolve("digits").toString(), "serve", "--model", bundle.toString(),
                "--port", "0")).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("serving ")) {
            // start-up lines
        }
        assertTrue(line != null && line.startsWith("serving "), "the server started");
        List<ProcessHandle> started = serve.descendants().toList();
        assertTrue(started.stream().anyMatch(p -> p.info().command().orElse("").endsWith("java")), started.toString());

        serve.destroy(); // SIGTERM to the launcher
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        for (ProcessHandle p : started) {
            p.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(p.isAlive(), "the launcher's child " + p.info().command().orElse("?") + " ended with it");
        }
    }
}
