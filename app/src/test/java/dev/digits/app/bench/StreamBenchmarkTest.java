package dev.digits.app.bench;

import dev.digits.core.audio.WavWriter;
import dev.digits.core.dataset.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streams {@code bench stream} builds: clips at one level, varied by up to 6 dB, whatever their recording level. */
class StreamBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void clipsRecordedFortyDbApartAreBroughtToOneLevelBeforeTheSixDbVariation() throws IOException {
        Path recordings = Files.createDirectories(dir.resolve("corpus/recordings"));
        for (int k = 0; k < 6; k++) {
            double amplitude = k % 2 == 0 ? 0.5 : 0.005; // a loud and a quiet recording setup, 40 dB apart
            float[] x = new float[2400];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (amplitude * Math.sin(2 * Math.PI * (200 + 50 * k) * i / 8000.0));
            }
            WavWriter.write16(recordings.resolve(k + "_spk" + (k % 2) + "_0.wav"), x, 8000);
        }
        StreamBenchmark.TestStream s = StreamBenchmark.build(Corpus.open(dir.resolve("corpus")).entries(), 6, 1, Double.NaN);
        List<Double> levels = new ArrayList<>();
        float[] y = s.samples();
        for (int i = 0; i < y.length; ) {
            if (y[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            double sum = 0;
            while (i < y.length && (y[i] != 0 || (i + 1 < y.length && y[i + 1] != 0))) {
                sum += y[i] * (double) y[i];
                i++;
            }
            if (i - start > 1000) {
                levels.add(10 * Math.log10(sum / (i - start)));
            }
        }
        assertEquals(6, levels.size(), "six clips between silent pauses");
        double spread = levels.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - levels.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertTrue(spread <= 12.01, "levels within +-6 dB of one level, spread " + spread + " dB: " + levels);
    }

    @Test
    void otherWordsGoBetweenTheDigitsAndAreNotAmongThem() throws IOException {
        Path recordings = Files.createDirectories(dir.resolve("corpus/recordings"));
        for (int k = 0; k < 4; k++) {
            WavWriter.write16(recordings.resolve(k + "_spk_0.wav"), tone(2400, 300 + 40 * k), 8000);
        }
        Path other = dir.resolve("yes.wav");
        WavWriter.write16(other, tone(4800, 900), 8000); // twice as long as a digit
        var clips = Corpus.open(dir.resolve("corpus")).entries();
        StreamBenchmark.TestStream plain = StreamBenchmark.build(clips, 20, 1, Double.NaN);
        StreamBenchmark.TestStream mixed = StreamBenchmark.build(clips, List.of(other), 20, 30, 1, Double.NaN);
        assertEquals(plain.digits(), mixed.digits(), "the same digits in the same order; the other words are not digits");
        assertEquals(20, mixed.digits().length());
        assertEquals(6, bursts(mixed.samples()) - bursts(plain.samples()), "30 per 100 digits: 6 other words");
        assertEquals(plain.digits(), StreamBenchmark.build(clips, List.of(), 20, 30, 1, Double.NaN).digits());
    }

    private static float[] tone(int n, double hz) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 8000.0));
        }
        return x;
    }

    /** Stretches of sound between silences longer than 100 samples. */
    private static int bursts(float[] y) {
        int count = 0;
        int silent = 101;
        for (float v : y) {
            if (v != 0) {
                if (silent > 100) {
                    count++;
                }
                silent = 0;
            } else {
                silent++;
            }
        }
        return count;
    }
}
