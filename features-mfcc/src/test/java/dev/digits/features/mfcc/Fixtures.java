package dev.digits.features.mfcc;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.core.dataset.DatasetLocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** librosa reference outputs in {@code shared/fixtures} beside the checkout. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Path folder(String name) {
        try {
            Path fsdd = DatasetLocator.defaults().locate("fsdd");
            Path folder = fsdd.getParent().getParent().resolve("fixtures").resolve(name);
            // librosa's reference outputs exist only in the shared folder beside a checkout (as on CI)
            Assumptions.assumeTrue(Files.isDirectory(folder), "no librosa reference outputs at " + folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path fsddRecording(String file) {
        try {
            return DatasetLocator.defaults().locate("fsdd").resolve("recordings").resolve(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> jsonFiles(String folder, String suffix) {
        try (Stream<Path> s = Files.list(folder(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            JsonNode row = rows.get(r);
            out[r] = new double[row.size()];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = row.get(c).asDouble();
            }
        }
        return out;
    }
}
