package dev.digits.core.audio;

import java.util.Locale;
import java.util.Optional;

/**
 * The sanity limits of audio input, the same for every entry point ({@code predict}, {@code run}, {@code adapt},
 * {@code stream}, {@code serve} and the library): a sample rate from 4000 to 384000 Hz, a recording of at most
 * {@code maxSeconds} (600 by default; {@code -Ddigits.audio.maxSeconds=N} changes it, through
 * {@code DIGITS_JAVA_OPTS} for the {@code digits} program) and a file of at most 1 GiB. A WAV header is checked
 * against them before its samples are decoded, so a header claiming 1 Hz or an hour of audio costs nothing.
 */
public record AudioLimits(int minRate, int maxRate, double maxSeconds, long maxFileBytes) {
    public static final int MIN_RATE = 4000;
    public static final int MAX_RATE = 384_000;
    private static final double DEFAULT_MAX_SECONDS = 600;

    /** The limits in force: the defaults, with {@code digits.audio.maxSeconds} when it is set. */
    public static AudioLimits current() {
        double seconds = DEFAULT_MAX_SECONDS;
        String set = System.getProperty("digits.audio.maxSeconds");
        if (set != null) {
            try {
                seconds = Double.parseDouble(set.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("digits.audio.maxSeconds takes a number of seconds, got '" + set + "'");
            }
        }
        return new AudioLimits(MIN_RATE, MAX_RATE, seconds, 1L << 30);
    }

    /** Why audio of this rate and length is refused, or empty when it is within the limits. */
    public Optional<String> problem(int sampleRate, long frames) {
        if (sampleRate < minRate || sampleRate > maxRate) {
            return Optional.of(String.format(Locale.ROOT, "a sample rate of %d Hz; digits reads %d to %d Hz", sampleRate,
                    minRate, maxRate));
        }
        double seconds = frames / (double) sampleRate;
        if (seconds > maxSeconds) {
            return Optional.of(String.format(Locale.ROOT, "%.1f s of audio; digits reads recordings of at most %.0f s "
                    + "(-Ddigits.audio.maxSeconds=N changes it; digits stream reads longer audio as it comes)", seconds,
                    maxSeconds));
        }
        return Optional.empty();
    }
}
