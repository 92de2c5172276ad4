package dev.digits.features.mfcc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterException;
import dev.digits.core.audio.WavReader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibrosaExtractorsTest {
    private final AudioClip jackson = read("0_jackson_0.wav");

    private static AudioClip read(String name) {
        try {
            return WavReader.readClip(Fixtures.fsddRecording(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void logMelMatchesLibrosaPowerToDb() {
        for (String suffix : new String[] {"sr8000", "sr22050"}) {
            JsonNode j = Fixtures.read(Fixtures.folder("librosa").resolve("0_jackson_0." + suffix + ".melspec.json"));
            double[][] expected = Fixtures.matrix(j.get("power_to_db"));
            Features got = new LibrosaLogMelProvider().create(Map.of("sr", j.get("sr").asInt()))
                    .extract(AudioClip.of(Fixtures.floats(Fixtures.read(Fixtures.folder("librosa")
                            .resolve("0_jackson_0." + suffix + ".json")).get("y")), j.get("sr").asInt()));
            assertArrayEquals(new int[] {128, expected[0].length}, got.shape());
            double diff = LibrosaParityTest.maxDiff(got, expected);
            assertTrue(diff < 1e-3, suffix + ": log-mel max diff " + diff);
        }
    }

    @Test
    void meanPoolingIsTheTimeAverageOfTheMatrix() {
        Features matrix = new LibrosaMfccProvider().create(Map.of("sr", "native")).extract(jackson);
        Features mean = new LibrosaMfccProvider().create(Map.of("sr", "native", "pooling", "mean")).extract(jackson);
        Features meanStd = new LibrosaMfccProvider().create(Map.of("sr", "native", "pooling", "mean-std")).extract(jackson);
        assertArrayEquals(new int[] {40, 11}, matrix.shape());
        assertArrayEquals(new int[] {40}, mean.shape());
        assertArrayEquals(new int[] {80}, meanStd.shape());
        for (int r = 0; r < 40; r++) {
            double sum = 0;
            for (int c = 0; c < 11; c++) {
                sum += matrix.get(r, c);
            }
            assertEquals(sum / 11, mean.values()[r], 1e-3);
            assertEquals(mean.values()[r], meanStd.values()[r], 1e-6);
            assertTrue(meanStd.values()[40 + r] >= 0);
        }
    }

    @Test
    void framesPadsWithSilenceAndCropsCentred() {
        Features full = new LibrosaMfccProvider().create(Map.of("sr", "native")).extract(jackson);
        Features padded = new LibrosaMfccProvider().create(Map.of("sr", "native", "frames", 15)).extract(jackson);
        Features cropped = new LibrosaMfccProvider().create(Map.of("sr", "native", "frames", 7)).extract(jackson);
        assertArrayEquals(new int[] {40, 15}, padded.shape());
        assertArrayEquals(new int[] {40, 7}, cropped.shape());
        // 11 frames in 15: two silence columns on the left, the content from column 2
        assertEquals(full.get(0, 0), padded.get(0, 2), 1e-6);
        assertEquals(padded.get(5, 0), padded.get(5, 14), 1e-6);
        assertTrue(padded.get(0, 0) < full.get(0, 5), "silence has less energy than speech");
        // 11 frames to 7: two cropped on the left
        assertEquals(full.get(3, 2), cropped.get(3, 0), 1e-6);
    }

    @Test
    void resamplesClipsOfAnyRateToTheConfiguredOne() {
        LibrosaMfcc extractor = (LibrosaMfcc) new LibrosaMfccProvider().create(Map.of("pooling", "none"));
        Features at22 = extractor.extract(jackson);
        assertEquals(28, at22.cols(), "5148 samples at 8 kHz are 14190 at 22050 Hz: 28 frames");
        assertTrue(extractor.producesMatrix());
        assertFalse(new LibrosaMfccProvider().create(Map.of("pooling", "mean")).producesMatrix());
    }

    @Test
    void invalidParametersAreRejectedWithTheirName() {
        LibrosaMfccProvider p = new LibrosaMfccProvider();
        assertTrue(assertThrows(ParameterException.class, () -> p.create(Map.of("n_mfc", 13))).getMessage()
                .contains("did you mean 'n_mfcc'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.create(Map.of("n_mfcc", 200)))
                .getMessage().contains("n_mfcc (200) must not exceed n_mels (128)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> p.create(Map.of("win_length", 4096)))
                .getMessage().contains("win_length"));
        assertTrue(assertThrows(ParameterException.class, () -> p.create(Map.of("window", "han"))).getMessage()
                .contains("did you mean 'hann'"));
    }

    @Test
    void resamplerKeepsAToneAndRemovesWhatCannotBeRepresented() {
        int from = 44100;
        float[] x = new float[44100];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / from) + 0.5 * Math.sin(2 * Math.PI * 15000 * i / from));
        }
        float[] y = new BandLimitedResampler(from, 22050).resample(x);
        assertEquals(22050, y.length);
        // the 15 kHz tone is above the new Nyquist frequency (11025 Hz): only the 1 kHz tone may remain
        double err = 0;
        for (int i = 1000; i < 21000; i++) {
            err = Math.max(err, Math.abs(y[i] - 0.5 * Math.sin(2 * Math.PI * 1000 * i / 22050.0)));
        }
        assertTrue(err < 1e-3, "max error " + err);
    }
}
