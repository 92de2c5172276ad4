package dev.digits.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every experiment file users start from is valid with the plugins this build ships. Files that train on
 * generated voices ({@code extraTraining: [synth]}, made by {@code digits data synth}) are checked from a
 * copy beside an empty {@code synth} folder, as they would be after that command.
 */
class ShippedExperimentsTest {
    @TempDir
    Path dir;

    @Test
    void everyExperimentFileValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../experiments"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "experiments shipped: " + files);
        // a stand-in for the folder 'digits data synth' makes: validate checks that it holds recordings
        Path synth = Files.createDirectories(dir.resolve("synth/recordings"));
        Files.copy(MiniCorpus.create(dir.resolve("source"), 1).resolve("recordings/0_george_0.wav"),
                synth.resolve("0_synthvoice_0.wav"));
        for (Path f : files) {
            Path checked = f;
            if (Files.readString(f).contains("extraTraining: [synth]")) {
                if (!Files.isDirectory(f.getParent().resolve("synth")) && !Files.isDirectory(Path.of("synth"))) {
                    AppRunner.Result missing = AppRunner.run("validate", f.toAbsolutePath().toString());
                    assertEquals(1, missing.exitCode(), "no synth folder here: " + missing.out());
                    assertTrue(missing.err().contains("./digits data synth --out synth"), missing.err());
                }
                checked = Files.copy(f, dir.resolve(f.getFileName()));
            }
            AppRunner.Result r = AppRunner.run("validate", checked.toString());
            assertEquals(0, r.exitCode(), f + ": " + r.err());
            assertTrue(r.out().contains("valid"), r.out());
        }
    }
}
