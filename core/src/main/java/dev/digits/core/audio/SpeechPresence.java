package dev.digits.core.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a recording can hold a spoken digit at all, so that silence and steady noise are not forced into one. A
 * recording holds no speech when its loudest 20 ms frame is below {@code silenceDbfs}, when it is louder than full
 * scale allows ({@code +6 dBFS}: samples are in [-1, 1]), or when its frames' energy varies by less than
 * {@code minRangeDb} between the loudest frame and the quietest tenth (steady noise; words rise and fall).
 *
 * <p>Calibration (FSDD, 3000 clips, and white noise of -70 to -10 dBFS): the loudest frame of every FSDD clip is
 * at -48 dBFS or above; the range is at least 4.4 dB for every clip (1% below 8.1 dB, median 24 dB), and 1.7-2.1
 * dB for white noise at every level. The default, 3.5 dB, accepts every FSDD clip.
 *
 * @param minRangeDb  the least rise of the loudest frame over the quietest tenth; 0 turns every check off
 * @param silenceDbfs the level the loudest frame must reach
 */
public record SpeechPresence(double minRangeDb, double silenceDbfs) {
    public static final SpeechPresence DEFAULT = new SpeechPresence(3.5, -60);
    public static final SpeechPresence OFF = new SpeechPresence(0, Double.NEGATIVE_INFINITY);
    private static final double MAX_DBFS = 6;

    /** Why the samples hold no speech, or empty if they may. */
    public Optional<String> noSpeech(float[] samples, int sampleRate) {
        if (minRangeDb <= 0) {
            return Optional.empty();
        }
        int frame = Math.max(1, sampleRate / 50);
        int frames = samples.length / frame;
        if (frames == 0) {
            return Optional.of(String.format(Locale.ROOT, "no speech: %.3f s is shorter than a 20 ms frame",
                    samples.length / (double) sampleRate));
        }
        double[] db = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                e += samples[i] * (double) samples[i];
            }
            db[f] = 10 * Math.log10(e / frame + 1e-20);
        }
        Arrays.sort(db);
        double loudest = db[frames - 1];
        if (loudest < silenceDbfs) {
            return Optional.of(loudest < -150 ? "no speech: digital silence" : String.format(Locale.ROOT,
                    "no speech: silent (the loudest 20 ms is at %.0f dBFS, below %.0f)", loudest, silenceDbfs));
        }
        if (loudest > MAX_DBFS) {
            return Optional.of(String.format(Locale.ROOT, "no speech: the level is impossible for audio (the loudest "
                    + "20 ms is at %+.0f dBFS; samples are expected in [-1, 1])", loudest));
        }
        double range = loudest - db[frames / 10];
        if (range < minRangeDb) {
            return Optional.of(String.format(Locale.ROOT, "no speech: the level is steady, as in noise (the loudest "
                    + "20 ms is %.1f dB above the quietest tenth; speech rises by %.1f dB or more)", range, minRangeDb));
        }
        return Optional.empty();
    }
}
