package dev.digits.app;

import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.fetch.PinnedInstaller;
import dev.digits.features.embedding.SpeechModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What examples/recognize-file/README.md tells a Java developer works: install the library with the documented
 * command, build the example project outside the tree with Maven alone (its pom names digits-recognition and
 * nothing else of digits), and run it on a bundle of the recommended kind (speech embedding + Tribuo SVM): it prints
 * the digits {@code predict} prints.
 */
class LibraryExampleTest {
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
    void theExampleProjectRecognisesFilesWithTheLibraryAlone() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        run(root, List.of("mvn", "-B", "-q", "install", "-DskipTests", "-pl", "recognition", "-am"));

        Path project = dir.resolve("recognize-file");
        Path example = root.resolve("examples/recognize-file");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")).toList()) {
                Path target = project.resolve(example.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        run(project, List.of("mvn", "-B", "-q", "package"));
        String classpath = Files.readString(project.resolve("target/classpath.txt")).trim();
        assertTrue(classpath.contains("digits-features-embedding") && classpath.contains("digits-backend-tribuo")
                && !classpath.contains("digits-experiment") && !classpath.contains("digits-app"), classpath);

        Path models = new PinnedInstaller(l -> { }).install(SpeechModelFiles.PACKAGE, dir.resolve("models"),
                List.of(root.resolve("features-embedding/target/pinned").toString()));
        Path yaml = dir.resolve("recommended-small.yaml");
        Files.writeString(yaml, """
                name: recommended-small
                dataset: {path: %s}
                cache: false
                extractors: [{id: emb, type: speech-embedding, params: {models: %s}}]
                models: [{id: svm, backend: tribuo, spec: {type: svm}}]
                """.formatted(MiniCorpus.create(dir, 3), models));
        Path bundle = dir.resolve("model.digits");
        AppRunner.Result trained = AppRunner.run("train", "--config", yaml.toString(), "--out", bundle.toString());
        assertEquals(0, trained.exitCode(), trained.err());

        Path fsdd = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", project.resolve("target/classes") + ":" + classpath, "org.example.recognize.RecognizeFile",
                bundle.toString()));
        List<String> args = new ArrayList<>();
        for (String clip : new String[] {"7_theo_1.wav", "3_nicolas_2.wav", "0_yweweler_4.wav"}) {
            args.add(fsdd.resolve(clip).toString());
        }
        cmd.addAll(args);
        String printed = run(dir, cmd);
        List<String> predicted = new ArrayList<>(List.of("predict", "--model", bundle.toString()));
        predicted.addAll(args);
        AppRunner.Result p = AppRunner.run(predicted.toArray(String[]::new));
        assertEquals(0, p.exitCode(), p.err());
        List<String> lines = printed.lines().filter(l -> l.contains("\t")).toList();
        assertEquals(p.out().lines().toList(), lines, "the example prints what predict prints:\n" + printed);
        System.out.println("examples/recognize-file printed:\n" + String.join("\n", lines));
    }
}
