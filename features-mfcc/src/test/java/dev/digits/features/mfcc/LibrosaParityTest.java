package dev.digits.features.mfcc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;
import dev.digits.core.audio.WavReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parity with librosa 0.10.2 on every fixture in {@code shared/fixtures}. Prints the differences reached
 * (they are quoted in docs/performance.md).
 */
class LibrosaParityTest {
    private static final LibrosaMfccProvider PROVIDER = new LibrosaMfccProvider();

    private static LibrosaMfcc mfcc(Object sr) {
        return (LibrosaMfcc) PROVIDER.create(Map.of("sr", sr));
    }

    /** (a) MFCC of librosa's own waveform: within 1e-3 of librosa, element by element, same frame count. */
    @TestFactory
    List<DynamicTest> mfccOfLibrosaWaveformWithin1e3() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : Fixtures.jsonFiles("librosa", ".json")) {
            if (f.getFileName().toString().contains("melspec")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                JsonNode j = Fixtures.read(f);
                int sr = j.get("sr").asInt();
                AudioClip clip = AudioClip.of(Fixtures.floats(j.get("y")), sr);
                Features got = mfcc(sr).extract(clip);
                double diff = maxDiff(got, Fixtures.matrix(j.get("mfcc")));
                System.out.printf("parity (a) %-32s mfcc from librosa y: max |diff| %.2e%n", f.getFileName(), diff);
                assertTrue(diff <= 1e-3, "max diff " + diff);
            }));
        }
        return tests;
    }

    /** (b) our resampler against soxr HQ's output, from the WAV file. */
    @TestFactory
    List<DynamicTest> resamplerWithin2e3OfSoxrHq() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : Fixtures.jsonFiles("librosa", ".sr22050.json")) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                JsonNode j = Fixtures.read(f);
                AudioClip clip = WavReader.readClip(Fixtures.fsddRecording(j.get("file").asText()));
                float[] expected = Fixtures.floats(j.get("y"));
                float[] got = new BandLimitedResampler(clip.sampleRate(), 22050).resample(clip.samples());
                assertEquals(expected.length, got.length, "resampled length");
                double diff = 0;
                for (int i = 0; i < got.length; i++) {
                    diff = Math.max(diff, Math.abs(got[i] - expected[i]));
                }
                System.out.printf("parity (b) %-32s resampled y: max |diff| %.2e%n", f.getFileName(), diff);
                assertTrue(diff <= 2e-3, "max diff " + diff);
            }));
        }
        return tests;
    }

    /**
     * (c) end to end from the WAV file on every fixture. Without resampling the MFCC must match to 1e-3; at
     * 22050 Hz, within 0.5 on the time mean and 1.0 on the matrix. The eleven fixtures in librosa-check were
     * not used to fit the resampler (its filter and soxr's start transient were fitted on the five in librosa),
     * so they test it out of sample.
     */
    @Test
    void endToEndFromWav() throws Exception {
        List<Path> files = new ArrayList<>(Fixtures.jsonFiles("librosa", ".json"));
        files.addAll(Fixtures.jsonFiles("librosa-check", ".json"));
        int resampledClips = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.contains("melspec")) {
                continue;
            }
            JsonNode j = Fixtures.read(f);
            String file = j.get("file").asText();
            Path wav = file.startsWith("v_") ? f.resolveSibling(file) : Fixtures.fsddRecording(file);
            AudioClip clip = WavReader.readClip(wav);
            boolean resampled = j.get("sr").asInt() != clip.sampleRate();
            Features got = mfcc(resampled ? j.get("sr").asInt() : "native").extract(clip);
            double[][] expected = Fixtures.matrix(j.get("mfcc"));
            double matrixDiff = maxDiff(got, expected);
            double meanDiff = meanDiff(got, expected);
            System.out.printf("parity (c) %-40s end to end: matrix max |diff| %.2e, time-mean max |diff| %.2e%n",
                    name, matrixDiff, meanDiff);
            if (resampled) {
                resampledClips++;
                assertTrue(meanDiff <= 0.5 && matrixDiff <= 1.0, name + ": at 22050 Hz the time mean must be within "
                        + "0.5 and the matrix within 1.0, got " + meanDiff + " and " + matrixDiff);
            } else {
                assertTrue(matrixDiff <= 1e-3, name + ": no resampling, must match to 1e-3, got " + matrixDiff);
            }
        }
        assertEquals(16, resampledClips, "fixtures at 22050 Hz");
    }

    static double maxDiff(Features got, double[][] expected) {
        assertEquals(expected.length, got.rows(), "coefficients");
        assertEquals(expected[0].length, got.cols(), "frames");
        double diff = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                diff = Math.max(diff, Math.abs(got.get(r, c) - expected[r][c]));
            }
        }
        return diff;
    }

    static double meanDiff(Features got, double[][] expected) {
        double diff = 0;
        for (int r = 0; r < expected.length; r++) {
            double a = 0;
            double b = 0;
            for (int c = 0; c < expected[r].length; c++) {
                a += got.get(r, c);
                b += expected[r][c];
            }
            diff = Math.max(diff, Math.abs(a - b) / expected[r].length);
        }
        return diff;
    }
}
