package dev.digits.recognition.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.recognition.provenance.ResultsJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bundles are shared between people: a hostile or damaged one is refused with one line naming the file and the
 * problem, before anything is written or a large entry is read; one without checksums loads with a warning.
 */
class BundleSafetyTest {
    private static final RecognitionPlugins PLUGINS = RecognitionPlugins.discover(BundleSafetyTest.class.getClassLoader());

    @TempDir
    static Path dir;
    private static Path good;

    @BeforeAll
    static void writeABundle() throws Exception {
        good = SmallBundle.write(dir.resolve("good.digits"), true);
    }

    private static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** The good bundle with {@code edit} applied to its entries, its SHA256SUMS recomputed (or left out). */
    private static Path edited(String name, Consumer<Map<String, byte[]>> edit, boolean checksums) throws IOException {
        Map<String, byte[]> entries = entries(good);
        entries.remove(ModelBundle.CHECKSUMS);
        edit.accept(entries);
        if (checksums) {
            entries.put(ModelBundle.CHECKSUMS, BundleChecksums.of(entries));
        }
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The bundle's bundle.json edited as a tree. */
    private static Consumer<Map<String, byte[]>> manifest(Consumer<ObjectNode> edit) {
        return entries -> {
            try {
                ObjectNode tree = (ObjectNode) ResultsJson.MAPPER.readTree(entries.get(ModelBundle.MANIFEST));
                edit.accept(tree);
                entries.put(ModelBundle.MANIFEST, ResultsJson.MAPPER.writeValueAsBytes(tree));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String refused(Path bundle) {
        IOException e = assertThrows(IOException.class, () -> ModelBundle.read(bundle, PLUGINS));
        assertTrue(e.getMessage().startsWith(bundle + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theGoodBundleLoadsWithoutWarnings() throws Exception {
        ModelBundle b = ModelBundle.read(good, PLUGINS);
        assertTrue(b.warnings().isEmpty(), b.warnings().toString());
        assertEquals(450, b.trainingExamples(good).size());
    }

    @Test
    void aBundledFileThatNamesAPathIsRefusedAndNothingIsWritten() throws Exception {
        Path outside = dir.getParent().resolve("pwned.txt");
        byte[] payload = "pwned".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = dev.digits.core.features.FeatureCache.sha256(payload);
        for (String key : new String[] {"../../pwned.txt", "/tmp/pwned.txt", "a/b.onnx", "..", "c:evil"}) {
            Path slip = edited("slip.digits", manifest(t -> ((ObjectNode) t.get("extractor")).putObject("files")
                    .put(key, sha)).andThen(e -> e.put(ModelBundle.FILES + key, payload)), true);
            String message = refused(slip);
            assertTrue(message.contains("names a path") && message.contains(key), message);
            // the key alone, with a plain entry name
            Path keyOnly = edited("key.digits", manifest(t -> ((ObjectNode) t.get("extractor")).putObject("files")
                    .put(key, sha)).andThen(e -> e.put(ModelBundle.FILES + "plain.onnx", payload)), true);
            String keyMessage = refused(keyOnly);
            assertTrue(keyMessage.contains("the extractor file '" + key + "' names a path"), keyMessage);
        }
        assertFalse(Files.exists(outside), "nothing written outside");
        assertFalse(Files.exists(Path.of("/tmp/pwned.txt")), "nothing written at an absolute path");
    }

    @Test
    void anEntryABundleDoesNotHaveIsRefused() throws Exception {
        Path extra = edited("extra.digits", e -> e.put("run.sh", new byte[] {1}), true);
        assertTrue(refused(extra).contains("entry 'run.sh' is not part of a model bundle"));
    }

    @Test
    void withoutChecksumsABundleLoadsWithAWarningAndWithThemAChangedByteIsRefused() throws Exception {
        ModelBundle unsummed = ModelBundle.read(edited("nosums.digits", e -> { }, false), PLUGINS);
        assertTrue(unsummed.warnings().stream().anyMatch(w -> w.contains("contents cannot be verified")),
                unsummed.warnings().toString());

        Map<String, byte[]> entries = entries(good);
        byte[] model = entries.get(ModelBundle.MODEL).clone();
        model[model.length / 2] ^= 1;
        Path flipped = dir.resolve("flipped.digits");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(flipped))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().equals(ModelBundle.MODEL) ? model : e.getValue());
                zip.closeEntry();
            }
        }
        assertTrue(refused(flipped).contains("model.bin differs from what the bundle was written with"));
    }

    @Test
    void labelsMustBeTheDigitsInOrder() throws Exception {
        String[][] bad = {{"9", "8", "7", "6", "5", "4", "3", "2", "1", "0"}, {"0", "0", "0", "0", "0", "0", "0", "0", "0", "0"},
            {"0", "1", "2", "3", "4", "5", "6", "7", "8", "<b>x</b>"}, {"?", "0", "1", "2", "3", "4", "5", "6", "7", "8"},
            {"0", "1", "2", "3", "4", "5", "6", "7", "8", "?"}};
        for (String[] labels : bad) {
            Path file = edited("labels.digits", manifest(t -> {
                ArrayNode l = t.putArray("labels");
                for (String s : labels) {
                    l.add(s);
                }
            }), false);
            assertTrue(refused(file).contains("labels must be the digits in order"), String.join(",", labels));
        }
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() throws Exception {
        for (double bad : new double[] {-0.1, 1.5}) {
            Path file = edited("threshold.digits", manifest(t -> t.put("minConfidence", bad)), false);
            assertTrue(refused(file).contains("minConfidence is a probability, 0 to 1; got " + bad), refused(file));
        }
    }

    @Test
    void trainingDataThatClaimsMoreThanItHoldsFailsAtOnceNamingTheFile() throws Exception {
        Path file = edited("claims.digits", e -> {
            byte[] t = e.get(ModelBundle.TRAINING).clone();
            ByteBuffer.wrap(t).putInt(8, 1_000_000); // the example count in training.bin's header
            e.put(ModelBundle.TRAINING, t);
        }, true);
        ModelBundle b = ModelBundle.read(file, PLUGINS);
        IOException e = assertThrows(IOException.class, () -> b.trainingExamples(file));
        assertTrue(e.getMessage().startsWith(file + ": corrupt model bundle (training.bin declares 1000000 examples"),
                e.getMessage());
    }

    @Test
    void anEntryOverItsLimitIsRefusedBeforeItIsRead() throws Exception {
        BundleEntries.Limits small = new BundleEntries.Limits(1 << 20, 1000, 1 << 30, 1 << 20, 1L << 30);
        IOException e = assertThrows(IOException.class, () -> ModelBundle.read(good, PLUGINS, small));
        assertTrue(e.getMessage().startsWith(good + ": corrupt model bundle (entry 'model.bin' is "), e.getMessage());
        assertTrue(e.getMessage().contains("more than a bundle's model.bin may be: 1000 bytes"), e.getMessage());
    }
}
