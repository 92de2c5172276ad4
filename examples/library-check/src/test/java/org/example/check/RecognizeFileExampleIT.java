package org.example.check;

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
 * command, build the example project outside the tree with Maven alone (its pom names digits-recognition and nothing
 * else of digits), and run it on a bundle of the recommended kind (speech embedding + Tribuo SVM): it prints what
 * {@code digits predict} prints.
 */
class RecognizeFileExampleIT {
    private static final String[] CLIPS = {"7_theo_1.wav", "3_nicolas_2.wav", "0_yweweler_4.wav"};

    @TempDir
    Path dir;

    private static String run(Path workDir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished: " + cmd);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    /** {@code java -cp CLASSPATH MAIN ARGS...} with this JVM's java. */
    private static List<String> java(String classpath, String main, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, main));
        cmd.addAll(args);
        return cmd;
    }

    @Test
    void theExampleProjectRecognisesFilesWithTheLibraryAlone() throws Exception {
        Path root = Path.of(System.getProperty("digits.root")).toAbsolutePath().normalize();
        // the command examples/recognize-file/README.md gives
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

        Path bundle = trainRecommendedKind(root);
        Path fsdd = Path.of(System.getProperty("digits.shared"), "datasets", "fsdd", "recordings");
        List<String> files = Stream.of(CLIPS).map(c -> fsdd.resolve(c).toString()).toList();
        List<String> args = new ArrayList<>(List.of(bundle.toString()));
        args.addAll(files);
        String printed = run(dir, java(project.resolve("target/classes") + ":" + classpath,
                "org.example.recognize.RecognizeFile", args));

        List<String> predict = new ArrayList<>(List.of("predict", "--model", bundle.toString()));
        predict.addAll(files);
        String predicted = run(dir, java(app(root), "dev.digits.app.Main", predict));
        List<String> lines = printed.lines().filter(l -> l.contains("\t")).toList();
        assertEquals(CLIPS.length, lines.size(), printed);
        assertEquals(predicted.lines().filter(l -> l.contains("\t")).toList(), lines,
                "the example prints what predict prints:\n" + printed);
        System.out.println("examples/recognize-file printed:\n" + String.join("\n", lines));
    }

    /** The application's class path (built before this module). */
    private static String app(Path root) throws IOException {
        return root.resolve("app/target/digits-app.jar") + ":"
                + Files.readString(root.resolve("app/target/classpath.txt")).trim();
    }

    /** The speech embedding and an RBF SVM (what experiments/recommended.yaml trains) on 90 clips of FSDD. */
    private Path trainRecommendedKind(Path root) throws Exception {
        Path models = new PinnedInstaller(l -> { }).install(SpeechModelFiles.PACKAGE, dir.resolve("models"),
                List.of(root.resolve("features-embedding/target/pinned").toString()));
        Path fsdd = Path.of(System.getProperty("digits.shared"), "datasets", "fsdd", "recordings");
        Path recordings = Files.createDirectories(dir.resolve("mini/recordings"));
        for (String speaker : new String[] {"george", "jackson", "lucas"}) {
            for (int d = 0; d < 10; d++) {
                for (int i = 5; i < 8; i++) {
                    String name = d + "_" + speaker + "_" + i + ".wav";
                    Files.copy(fsdd.resolve(name), recordings.resolve(name));
                }
            }
        }
        Path yaml = dir.resolve("recommended-small.yaml");
        Files.writeString(yaml, """
                name: recommended-small
                dataset: {path: %s}
                cache: false
                extractors: [{id: emb, type: speech-embedding, params: {models: %s}}]
                models: [{id: svm, backend: tribuo, spec: {type: svm}}]
                """.formatted(dir.resolve("mini"), models));
        Path bundle = dir.resolve("model.digits");
        run(dir, java(app(root), "dev.digits.app.Main", List.of("train", "--config", yaml.toString(), "--out",
                bundle.toString())));
        return bundle;
    }
}
