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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin jar, added to the packaged application's class path and nothing else changed, is listed and
 * runs in an experiment: what docs/plugins.md promises.
 */
class ExamplePluginIT {
    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run digits(String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("digits.root")).toAbsolutePath().normalize();
        String classpath = root.resolve("app/target/digits-app.jar") + ":"
                + Files.readString(root.resolve("app/target/classpath.txt")).trim() + ":" + System.getProperty("plugin.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddigits.home=" + root, "-cp", classpath, "dev.digits.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "digits finished");
        return new Run(p.exitValue(), out);
    }

    @Test
    void thePluginJarIsListedAndRunsInAnExperiment() throws Exception {
        Run list = digits("list");
        assertEquals(0, list.code(), list.out());
        assertTrue(list.out().contains("energy-zcr     available"), list.out());
        assertTrue(list.out().contains("centroid       available"), list.out());
        assertTrue(list.out().contains("telephone      available"), list.out());

        Path yaml = dir.resolve("example.yaml");
        Files.writeString(yaml, """
                name: example
                dataset: {name: fsdd}
                protocol: {type: official}
                extractors:
                  - {id: zcr, type: energy-zcr, params: {segments: 6}}
                models:
                  - {id: centroid, backend: centroid, spec: {type: nearest-centroid}}
                augmentations:
                  - {id: none}
                  - {id: phone, copies: 1, steps: [{type: telephone, high: [2500, 3000]}]}
                """);
        Run run = digits("run", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(0, run.code(), run.out());
        String results = Files.readString(dir.resolve("out/results.json"));
        assertTrue(results.contains("\"status\" : \"ok\""), results.substring(0, Math.min(2000, results.length())));
        assertTrue(results.contains("\"augmentation\" : \"phone\""), "the augmented cell ran");
        assertTrue(results.contains("\"type\" : \"telephone\""), "the plugin's step is in the provenance");
        assertTrue(Files.exists(dir.resolve("out/report.html")));
    }

    @Test
    void theLauncherAddsEveryJarOfAPluginFolderAndReportsEntriesThatDoNotExist() throws Exception {
        Path root = Path.of(System.getProperty("digits.root")).toAbsolutePath().normalize();
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("plugin.jar")), folder.resolve("example.jar"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("digits").toString(), "list").directory(dir.toFile());
        pb.environment().put("DIGITS_PLUGINS", folder + ":" + dir.resolve("no-such.jar"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "digits finished");
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("energy-zcr     available"), out);
        assertTrue(err.contains("DIGITS_PLUGINS entry " + dir.resolve("no-such.jar") + " does not exist; ignored"), err);
    }
}
