package dev.digits.features.embedding;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.WavReader;
import dev.digits.features.mfcc.BandLimitedResampler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java pipeline against Python onnxruntime's outputs on the same models ({@code shared/fixtures/speech-embedding}):
 * the ONNX wiring on the exact reference input, and the whole path from the WAV files.
 */
class SpeechEmbeddingParityTest {
    private static final Path SHARED = Path.of(System.getProperty("digits.shared", "../../shared"));
    private static final Path FIXTURES = SHARED.resolve("fixtures/speech-embedding");
    private static final Path RECORDINGS = SHARED.resolve("datasets/fsdd/recordings");

    private static List<JsonNode> fixtures() throws Exception {
        // Python's reference outputs exist only in the shared folder beside a checkout (as on CI)
        Assumptions.assumeTrue(Files.isDirectory(FIXTURES), "no speech-embedding reference outputs at " + FIXTURES);
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                all.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        assertEquals(6, all.size(), "fixtures in " + FIXTURES);
        return all;
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }

    private static double maxAbsDiff(float[][] a, JsonNode b) {
        assertEquals(b.size(), a.length, "rows");
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            float[] row = floats(b.get(i));
            assertEquals(row.length, a[i].length, "columns");
            for (int j = 0; j < row.length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - row[j]));
            }
        }
        return worst;
    }

    @Test
    void onTheReferenceInputMelAndEmbeddingsMatchPythonOnnxruntime() throws Exception {
        SpeechEmbeddingModel model = SpeechEmbeddingModel.in(TestModels.folder());
        for (JsonNode f : fixtures()) {
            float[][] mel = model.mel(floats(f.get("input")));
            assertTrue(maxAbsDiff(mel, f.get("mel")) < 1e-4, f.get("files") + ": mel differs by " + maxAbsDiff(mel, f.get("mel")));
            float[][] emb = model.embed(mel, 8);
            double d = maxAbsDiff(emb, f.get("embeddings"));
            assertTrue(d < 1e-3, f.get("files") + ": embeddings differ by " + d);
        }
    }

    @Test
    void fromTheWavFilesTheResampledInputAndEmbeddingsMatch() throws Exception {
        SpeechEmbeddingModel model = SpeechEmbeddingModel.in(TestModels.folder());
        for (JsonNode f : fixtures()) {
            // each clip loaded at 16 kHz, then joined
            List<float[]> parts = new ArrayList<>();
            for (JsonNode name : f.get("files")) {
                AudioClip clip = WavReader.readClip(RECORDINGS.resolve(name.asText()));
                parts.add(new BandLimitedResampler(clip.sampleRate(), 16000).resample(clip.samples()));
            }
            int n = parts.stream().mapToInt(p -> p.length).sum();
            float[] reference = floats(f.get("input"));
            float[] input = new float[Math.max(n, reference.length)];
            int at = 0;
            for (float[] p : parts) {
                for (float v : p) {
                    input[at++] = v * 32767f;
                }
            }
            assertEquals(reference.length, input.length, f.get("files") + ": input length");
            double worst = 0;
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(input[i] - reference[i]));
            }
            // measured: at most 3.3 int16 units (1e-4 of full scale, the resampler's distance from soxr HQ), and
            // embeddings within 0.003 (their values span about +-20)
            assertTrue(worst < 4.0, f.get("files") + ": resampled input differs from soxr by " + worst + " (int16 units)");
            double d = maxAbsDiff(model.embed(model.mel(input), 8), f.get("embeddings"));
            assertTrue(d < 0.01, f.get("files") + ": embeddings from the WAV differ by " + d);
        }
    }
}
