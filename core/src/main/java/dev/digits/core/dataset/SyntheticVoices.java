package dev.digits.core.dataset;

import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.SincResampler;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.audio.WavWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Spoken digits from the espeak-ng speech synthesiser, written as a folder in the FSDD layout: every digit in
 * every voice at every speed, resampled to one rate and trimmed of leading and trailing silence. Each voice is
 * a speaker ({@code 7_espeak-en-us-f3_1.wav}: digit 7, voice {@code en-us+f3}, second speed), so the folder
 * can serve as {@code dataset.extraTraining} or be tested on like any corpus.
 *
 * @param program    the espeak-ng executable (a name found on the PATH, or a path)
 * @param voices     espeak-ng voice names, with a variant after {@code +} if wanted ({@code en-gb-scotland+f2})
 * @param speeds     words per minute, one recording of each digit per voice and speed
 * @param sampleRate the rate the recordings are written at (FSDD's is 8000 Hz)
 */
public record SyntheticVoices(String program, List<String> voices, List<Integer> speeds, int sampleRate) {
    /** The English accents espeak-ng ships. */
    public static final List<String> ACCENTS = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp",
            "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-029");
    /** Its voice variants: seven male, five female. */
    public static final List<String> VARIANTS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7",
            "f1", "f2", "f3", "f4", "f5");
    public static final List<Integer> DEFAULT_SPEEDS = List.of(150);
    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");
    private static final double TRIM_DB = 40;
    private static final double MARGIN_SECONDS = 0.02;

    public SyntheticVoices {
        voices = List.copyOf(voices);
        speeds = List.copyOf(speeds);
        if (voices.isEmpty() || speeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one voice and one speed");
        }
        for (int s : speeds) {
            if (s < 80 || s > 450) {
                throw new IllegalArgumentException("espeak-ng speeds are 80-450 words per minute, got " + s);
            }
        }
        if (sampleRate < 4000) {
            throw new IllegalArgumentException("sample rate must be at least 4000 Hz, got " + sampleRate);
        }
    }

    /** Every accent with every variant: 84 voices. */
    public static List<String> defaultVoices() {
        List<String> v = new ArrayList<>();
        for (String accent : ACCENTS) {
            for (String variant : VARIANTS) {
                v.add(accent + "+" + variant);
            }
        }
        return v;
    }

    /** The speaker name a voice gets in file names: {@code espeak-} and the voice with {@code +} as {@code -}. */
    public static String speaker(String voice) {
        return "espeak-" + voice.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** How many recordings {@link #write} makes. */
    public int size() {
        return voices.size() * speeds.size() * WORDS.size();
    }

    /**
     * Synthesises every recording into {@code dir} (created if missing), replacing files of the same names.
     *
     * @param progress told the number of recordings written so far
     * @return the files written
     * @throws IOException if espeak-ng cannot be run or fails, naming the voice and what it printed
     */
    public List<Path> write(Path dir, IntConsumer progress) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".espeak-", ".wav");
        List<Path> written = new ArrayList<>();
        try {
            for (String voice : voices) {
                for (int s = 0; s < speeds.size(); s++) {
                    for (int d = 0; d < WORDS.size(); d++) {
                        float[] samples = synthesise(voice, speeds.get(s), WORDS.get(d), tmp);
                        Path file = dir.resolve(d + "_" + speaker(voice) + "_" + s + ".wav");
                        WavWriter.write16(file, samples, sampleRate);
                        written.add(file);
                        progress.accept(written.size());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return written;
    }

    private float[] synthesise(String voice, int speed, String word, Path wav) throws IOException {
        List<String> command = List.of(program, "-v", voice, "-s", Integer.toString(speed), "-w", wav.toString(), word);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + program + " (" + e.getMessage() + "); install espeak-ng "
                    + "(Debian/Ubuntu: apt-get install espeak-ng) or give its path", e);
        }
        String output;
        try {
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(program + " did not finish within 60 s for voice " + voice);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
        // espeak-ng reports an unknown voice on its output and may still exit 0
        if (p.exitValue() != 0 || output.contains("Error")) {
            throw new IOException(program + " failed for voice " + voice + " (exit " + p.exitValue() + ")"
                    + (output.isEmpty() ? "" : ": " + output));
        }
        WavFile file;
        try {
            file = WavReader.read(wav);
        } catch (AudioFileException e) {
            throw new IOException(program + " wrote no readable WAV for voice " + voice + ": " + e.getMessage(), e);
        }
        float[] resampled = SincResampler.convert(file.mono(), file.format().sampleRate(), sampleRate);
        return trim(resampled, sampleRate);
    }

    /** Drops leading and trailing samples more than 40 dB below the peak, keeping 20 ms either side. */
    static float[] trim(float[] x, int sampleRate) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            return x;
        }
        double floor = peak * Math.pow(10, -TRIM_DB / 20);
        int first = 0;
        while (Math.abs(x[first]) < floor) {
            first++;
        }
        int last = x.length - 1;
        while (Math.abs(x[last]) < floor) {
            last--;
        }
        int margin = (int) Math.round(MARGIN_SECONDS * sampleRate);
        int from = Math.max(0, first - margin);
        int to = Math.min(x.length, last + 1 + margin);
        return java.util.Arrays.copyOfRange(x, from, to);
    }
}
