package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.WavReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The WAV files of a noise folder (searched recursively), decoded once: random stretches of them are the noise
 * of {@code noise} with {@code color: files}. Unreadable files are skipped and listed in {@link #skipped()}.
 */
final class NoiseRecordings {
    private final Path folder;
    private final List<AudioClip> clips = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    NoiseRecordings(Path folder) {
        this.folder = folder;
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("noise folder " + folder + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("noise folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        for (Path f : files) {
            try {
                AudioClip c = WavReader.readClip(f);
                if (c.length() > 0) {
                    clips.add(c);
                } else {
                    skipped.add(f + ": no samples");
                }
            } catch (AudioFileException e) {
                skipped.add(e.getMessage());
            }
        }
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("noise folder " + folder + " has no readable .wav file"
                    + (skipped.isEmpty() ? "" : " (" + skipped.get(0) + ")"));
        }
    }

    List<String> skipped() {
        return skipped;
    }

    Path folder() {
        return folder;
    }

    /** {@code n} samples at {@code sampleRate} from a random recording, from a random offset, looping if short. */
    float[] stretch(int n, int sampleRate, RandomGenerator random) {
        AudioClip c = clips.get(random.nextInt(clips.size()));
        float[] src = c.samples();
        double step = c.sampleRate() / (double) sampleRate; // linear interpolation is enough for noise
        double pos = random.nextDouble() * src.length;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double p = (pos + i * step) % src.length;
            int k = (int) p;
            double frac = p - k;
            out[i] = (float) ((1 - frac) * src[k] + frac * src[(k + 1) % src.length]);
        }
        return out;
    }
}
