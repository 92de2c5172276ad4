package dev.digits.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every experiment file users start from is valid with the plugins this build ships. */
class ShippedExperimentsTest {
    @Test
    void everyExperimentFileValidates() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("../experiments"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "experiments shipped: " + files);
        for (Path f : files) {
            AppRunner.Result r = AppRunner.run("validate", f.toString());
            assertEquals(0, r.exitCode(), f + ": " + r.err());
            assertTrue(r.out().contains("valid"), r.out());
        }
    }
}
