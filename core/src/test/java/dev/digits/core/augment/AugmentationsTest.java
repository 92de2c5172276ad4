package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.augment.Augmentation;
import dev.digits.core.augment.AugmentationPipeline;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.features.Features;
import dev.digits.api.params.ParameterException;
import dev.digits.core.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmentationsTest {
    private static final int SR = 8000;

    private static AudioClip tone(double hz, double seconds, double amplitude) {
        float[] x = new float[(int) (SR * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
        }
        return new AudioClip(x, SR, 3, "alice", "tone");
    }

    private static double power(float[] x) {
        double p = 0;
        for (float v : x) {
            p += v * (double) v;
        }
        return p / x.length;
    }

    /** Frequency from upward zero crossings. */
    private static double frequency(float[] x) {
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                crossings++;
            }
        }
        return crossings / (x.length / (double) SR);
    }

    private static AudioAugmentation audio(AugmentationProvider p, Map<String, ?> params) {
        return (AudioAugmentation) p.create(params);
    }

    @Test
    void theBuiltInAugmentationsAreFoundByServiceLoader() {
        List<String> names = ServiceLoader.load(AugmentationProvider.class).stream().map(s -> s.get().name())
                .collect(Collectors.toList());
        assertTrue(names.containsAll(List.of("noise", "gain", "shift", "speed", "spec-augment", "trim")), names.toString());
    }

    @Test
    void noiseIsAddedAtTheRequestedSignalToNoiseRatio() {
        AudioClip clip = tone(300, 1, 0.5);
        for (String color : List.of("white", "pink")) {
            for (double snr : new double[] {0, 10, 20}) {
                AudioClip noisy = audio(new AdditiveNoiseProvider(), Map.of("snr", snr, "color", color))
                        .apply(clip, new SplittableRandom(1));
                float[] noise = new float[clip.length()];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = noisy.samples()[i] - clip.samples()[i];
                }
                double measured = 10 * Math.log10(power(clip.samples()) / power(noise));
                assertEquals(snr, measured, 1e-3, color + " at " + snr + " dB");
                assertEquals(Integer.valueOf(3), noisy.label().orElseThrow());
            }
        }
    }

    @Test
    void pinkNoiseHasMorePowerAtLowFrequenciesThanWhite() {
        float[] pink = AdditiveNoise.pink(SR * 4, new SplittableRandom(2));
        float[] white = AdditiveNoise.white(SR * 4, new SplittableRandom(2));
        // first difference is a high-pass filter: its share of the power is high for white noise, low for pink
        assertTrue(diffPowerRatio(pink) < 0.25 * diffPowerRatio(white),
                diffPowerRatio(pink) + " vs " + diffPowerRatio(white));
    }

    private static double diffPowerRatio(float[] x) {
        float[] d = new float[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            d[i - 1] = x[i] - x[i - 1];
        }
        return power(d) / power(x);
    }

    @Test
    void noiseFromAFolderComesFromItsRecordingsAndAFolderWithoutWavIsAClearError(@TempDir Path dir) throws Exception {
        Path noiseDir = Files.createDirectories(dir.resolve("noise"));
        WavWriter.write16(noiseDir.resolve("hum.wav"), tone(50, 0.5, 0.3).samples(), SR);
        Files.writeString(noiseDir.resolve("broken.wav"), "not audio");
        AudioClip clip = tone(1000, 0.3, 0.5);
        AudioClip noisy = audio(new AdditiveNoiseProvider(), Map.of("snr", 0, "color", "files", "folder", noiseDir.toString()))
                .apply(clip, new SplittableRandom(3));
        float[] noise = new float[clip.length()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noisy.samples()[i] - clip.samples()[i];
        }
        assertEquals(50, frequency(noise), 5);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdditiveNoiseProvider()
                .create(Map.of("color", "files", "folder", empty.toString())));
        assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("no readable .wav"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AdditiveNoiseProvider().create(Map.of("color", "files")));
    }

    @Test
    void gainScalesWithinTheRange() {
        AudioClip clip = tone(300, 0.5, 0.1);
        for (int seed = 0; seed < 20; seed++) {
            AudioClip louder = audio(new GainProvider(), Map.of("db", List.of(-6, 6))).apply(clip, new SplittableRandom(seed));
            double db = 10 * Math.log10(power(louder.samples()) / power(clip.samples()));
            assertTrue(db >= -6 - 1e-6 && db <= 6 + 1e-6, "gain " + db);
        }
    }

    @Test
    void shiftPadsSilenceAroundTheUnchangedClip() {
        AudioClip clip = tone(300, 0.5, 0.5);
        AudioClip shifted = audio(new TimeShiftProvider(), Map.of("before", 0.1, "after", List.of(0.05, 0.05)))
                .apply(clip, new SplittableRandom(4));
        assertEquals(clip.length() + 800 + 400, shifted.length());
        for (int i = 0; i < 800; i++) {
            assertEquals(0f, shifted.samples()[i]);
        }
        for (int i = 0; i < clip.length(); i++) {
            assertEquals(clip.samples()[i], shifted.samples()[800 + i]);
        }
    }

    @Test
    void trimCutsTheSilenceAroundTheWordAndKeepsTheWord() {
        AudioClip word = tone(300, 0.4, 0.5);
        float[] padded = new float[SR + word.length()];
        System.arraycopy(word.samples(), 0, padded, SR / 2, word.length());
        AudioClip clip = word.withSamples(padded, SR);
        AudioClip cut = audio(new TrimProvider(), Map.of()).apply(clip, new SplittableRandom(1));
        // 20 ms frames, 10 ms hop: at most a frame of silence left on each side
        assertTrue(cut.length() >= word.length() && cut.length() <= word.length() + 2 * 160, "" + cut.length());
        assertEquals(power(word.samples()), power(cut.samples()), power(word.samples()) * 0.1);
        AudioClip quiet = audio(new TrimProvider(), Map.of("db", 40.0)).apply(word, new SplittableRandom(1));
        assertEquals(word.length(), quiet.length(), "a clip without silence is kept whole");
    }

    @Test
    void speedChangesDurationAndPitchByTheFactor() {
        AudioClip clip = tone(400, 1, 0.5);
        for (double f : new double[] {0.9, 1.1}) {
            AudioClip fast = audio(new SpeedPerturbationProvider(), Map.of("factor", f)).apply(clip, new SplittableRandom(5));
            assertEquals(Math.round(SR / f), fast.length());
            assertEquals(400 * f, frequency(fast.samples()), 3);
            assertEquals(power(clip.samples()), power(fast.samples()), 0.02);
        }
    }

    @Test
    void specAugmentMasksBandsOfRowsAndColumnsWithTheMean() {
        float[] v = new float[20 * 30];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 7;
        }
        Features f = Features.matrix(v, 20, 30);
        Augmentation a = new SpecAugmentProvider().create(Map.of("time_masks", 1, "time_width", 5, "freq_masks", 1,
                "freq_width", 4));
        Features masked = ((dev.digits.api.augment.FeatureAugmentation) a).apply(f, new SplittableRandom(6));
        assertArrayEquals(f.shape(), masked.shape());
        int changed = 0;
        for (int i = 0; i < v.length; i++) {
            if (masked.values()[i] != v[i]) {
                changed++;
            }
        }
        assertTrue(changed > 0 && changed <= 4 * 30 + 5 * 20, "changed " + changed);
        assertFalse(((dev.digits.api.augment.FeatureAugmentation) a).accepts(Features.vector(new float[3])));
    }

    @Test
    void badParametersNameTheAugmentationAndTheParameter() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> new SpeedPerturbationProvider().create(Map.of("factor", List.of(1.2, 0.9))));
        assertTrue(e.getMessage().contains("speed") && e.getMessage().contains("factor"), e.getMessage());
        assertThrows(ParameterException.class, () -> new AdditiveNoiseProvider().create(Map.of("snr", "loud")));
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> new GainProvider().create(Map.of("dB", 3)));
        assertTrue(unknown.getMessage().contains("did you mean 'db'"), unknown.getMessage());
    }

    @Test
    void aPipelineGivesTheSameCopyForTheSameSeedClipAndCopyAndDifferentOnesOtherwise() {
        AudioClip clip = tone(300, 0.4, 0.5);
        List<AugmentationPipeline.Step> steps = List.of(
                new AugmentationPipeline.Step(new SpeedPerturbationProvider().create(Map.of()), 1.0),
                new AugmentationPipeline.Step(new AdditiveNoiseProvider().create(Map.of("snr", List.of(5, 20))), 0.5));
        AugmentationPipeline p = new AugmentationPipeline(steps, 7);
        java.util.function.Function<AudioClip, Features> identity = c -> Features.vector(c.samples());
        float[] a = p.apply(clip, "abc", 0, identity).values();
        assertArrayEquals(a, p.apply(clip, "abc", 0, identity).values());
        assertNotEquals(a.length + ":" + a[100], lengthAndSample(p.apply(clip, "abc", 1, identity).values()));
        assertFalse(java.util.Arrays.equals(a, p.apply(clip, "abd", 0, identity).values()));
        assertFalse(java.util.Arrays.equals(a, new AugmentationPipeline(steps, 8).apply(clip, "abc", 0, identity).values()));
    }

    private static String lengthAndSample(float[] v) {
        return v.length + ":" + v[100];
    }
}
