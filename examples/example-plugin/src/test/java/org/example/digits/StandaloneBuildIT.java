package org.example.digits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What docs/plugins.md tells an outside developer works: install the API and test kits with the documented
 * command, copy this plugin's sources next to {@code starter-pom.xml} outside the tree, build it with Maven
 * alone (its conformance test runs), and the jar it makes is a working plugin.
 */
class StandaloneBuildIT {
    @TempDir
    Path dir;

    private static String run(Path workDir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    @Test
    void theStarterPomBuildsThePluginOutsideTheTree() throws Exception {
        Path root = Path.of(System.getProperty("digits.root")).toAbsolutePath().normalize();
        // the command docs/plugins.md gives under "Getting the API"
        run(root, List.of("mvn", "-B", "-q", "install", "-DskipTests", "-pl",
                "api,dsp,training,classifier-tck,extractor-tck", "-am"));

        Path project = dir.resolve("my-plugin");
        Path example = root.resolve("examples/example-plugin");
        Files.createDirectories(project);
        Files.copy(example.resolve("starter-pom.xml"), project.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(example.resolve("src"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith("IT.java"))
                    .toList()) {
                Path target = project.resolve(example.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        String build = run(project, List.of("mvn", "-B", "package"));
        // the suite's tests (more as it grows), all passed
        assertTrue(Pattern.compile("Tests run: ([6-9]|\\d\\d+), Failures: 0, Errors: 0").matcher(build).find(),
                "the conformance suite ran:\n" + build);

        Path jar = project.resolve("target/my-digits-plugin-1.0.0.jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("1.0.0", j.getManifest().getMainAttributes().getValue("Implementation-Version"));
            assertNotNull(j.getEntry("META-INF/services/dev.digits.api.features.FeatureExtractorProvider"));
            assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("dev/digits/")), "the API is not packaged");
        }

        String classpath = root.resolve("app/target/digits-app.jar") + ":"
                + Files.readString(root.resolve("app/target/classpath.txt")).trim() + ":" + jar;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddigits.home=" + root, "-cp", classpath, "dev.digits.app.Main", "list"));
        String list = run(dir, cmd);
        assertTrue(list.contains("energy-zcr     available") && list.contains("centroid       available"), list);
    }
}
