package dev.digits.features.mfcc;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.params.Parameters;
import dev.digits.core.audio.WavReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The half-rate path (8 kHz clips upsampled to 22050 Hz) gives the full-rate path's numbers. */
class HalfRatePathTest {

    private static MelSpectrogramConfig config(Map<String, ?> raw) {
        return MelSpectrogramConfig.from(Parameters.resolve(LibrosaParameters.mfcc(), raw, "test"));
    }

    private static List<AudioClip> fsddClips(int every) throws IOException {
        Path folder = Fixtures.fsddRecording("0_jackson_0.wav").getParent();
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            return IntStream.range(0, files.size()).filter(i -> i % every == 0)
                    .mapToObj(i -> read(files.get(i))).toList();
        }
    }

    private static AudioClip read(Path p) {
        try {
            return WavReader.readClip(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resamplerKeepsEverySecondSampleOfTheFullOutput() throws IOException {
        BandLimitedResampler resampler = new BandLimitedResampler(8000, 22050);
        for (AudioClip clip : fsddClips(300)) {
            float[] full = resampler.resample(clip.samples());
            float[] half = resampler.resample(clip.samples(), 2);
            assertEquals((full.length + 1) / 2, half.length, clip.sourceId().orElse(""));
            double diff = 0;
            for (int i = 0; i < half.length; i++) {
                diff = Math.max(diff, Math.abs(full[2 * i] - half[i]));
            }
            assertTrue(diff < 1e-6, clip.sourceId().orElse("") + ": max diff " + diff);
        }
    }

    @Test
    void resamplerRefusesAStepTheBandDoesNotAllow() {
        float[] x = new float[1000];
        assertThrows(IllegalArgumentException.class, () -> new BandLimitedResampler(16000, 22050).resample(x, 2));
        assertThrows(IllegalArgumentException.class, () -> new BandLimitedResampler(22050, 8000).resample(x, 2));
        assertThrows(IllegalArgumentException.class, () -> new BandLimitedResampler(8000, 22050).resample(x, 0));
    }

    @Test
    void logMelEqualsTheFullRatePathOnFsddClips() throws IOException {
        MelSpectrogramConfig config = config(Map.of());
        LibrosaMelPipeline fast = new LibrosaMelPipeline(config);
        LibrosaMelPipeline full = new LibrosaMelPipeline(config, false);
        assertTrue(fast.halfRateApplies(8000));
        assertFalse(full.halfRateApplies(8000));
        double worst = 0;
        List<AudioClip> clips = fsddClips(60);
        for (AudioClip clip : clips) {
            LibrosaMelPipeline.DbMel a = fast.dbMel(clip);
            LibrosaMelPipeline.DbMel b = full.dbMel(clip);
            assertEquals(b.frames(), a.frames(), clip.sourceId().orElse(""));
            assertEquals(b.floorDb(), a.floorDb(), 1e-6);
            for (int i = 0; i < a.values().length; i++) {
                worst = Math.max(worst, Math.abs(a.values()[i] - b.values()[i]));
            }
        }
        System.out.printf("half-rate path vs full rate, %d FSDD clips: log-mel max abs diff %.2e dB%n",
                clips.size(), worst);
        assertTrue(worst < 1e-3, "log-mel max diff " + worst + " dB");
    }

    @Test
    void mfccMatrixEqualsTheFullRatePathWithOtherSettings() throws IOException {
        // odd-sized window inside the frame, no centring, a shorter hop, a higher floor
        Map<String, ?> raw = Map.of("win_length", 1001, "center", false, "hop_length", 256, "top_db", 60.0);
        LibrosaMelPipeline fast = new LibrosaMelPipeline(config(raw));
        LibrosaMelPipeline full = new LibrosaMelPipeline(config(raw), false);
        assertTrue(fast.halfRateApplies(8000));
        for (AudioClip clip : fsddClips(500)) {
            LibrosaMelPipeline.DbMel a = fast.dbMel(clip);
            LibrosaMelPipeline.DbMel b = full.dbMel(clip);
            assertEquals(b.frames(), a.frames());
            double worst = 0;
            for (int i = 0; i < a.values().length; i++) {
                worst = Math.max(worst, Math.abs(a.values()[i] - b.values()[i]));
            }
            assertTrue(worst < 1e-3, clip.sourceId().orElse("") + ": " + worst);
        }
    }

    @Test
    void settingsThatShowFarSideLobesTakeTheFullRatePath() throws IOException {
        AudioClip clip = fsddClips(3000).get(0);
        for (Map<String, ?> raw : List.of(Map.of("power", 1.0), Map.of("top_db", "none"), Map.of("top_db", 100.0),
                Map.of("window", "hamming"), Map.of("pad_mode", "reflect"))) {
            LibrosaMelPipeline pipeline = new LibrosaMelPipeline(config(raw));
            assertFalse(pipeline.halfRateApplies(8000), raw.toString());
            assertArrayEquals(new LibrosaMelPipeline(config(raw), false).dbMel(clip).values(),
                    pipeline.dbMel(clip).values(), raw.toString());
        }
    }

    @Test
    void clipsWithTooWideABandTakeTheFullRatePath() {
        // a 16 kHz clip's band reaches 8 kHz, above a quarter of 22050 Hz: the shortcut must not apply
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 7000 * i / 16000.0));
        }
        AudioClip clip = AudioClip.of(x, 16000);
        MelSpectrogramConfig config = config(Map.of());
        assertFalse(new LibrosaMelPipeline(config).halfRateApplies(16000));
        assertTrue(new LibrosaMelPipeline(config).halfRateApplies(8820));
        assertFalse(new LibrosaMelPipeline(config).halfRateApplies(8821));
        assertArrayEquals(new LibrosaMelPipeline(config, false).dbMel(clip).values(),
                new LibrosaMelPipeline(config).dbMel(clip).values());
    }
}
