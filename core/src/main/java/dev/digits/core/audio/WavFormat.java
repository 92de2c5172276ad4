package dev.digits.core.audio;

/**
 * The header facts of a WAV file.
 *
 * @param encoding      {@link Encoding#PCM_INT} or {@link Encoding#IEEE_FLOAT}
 * @param sampleRate    frames per second
 * @param channels      interleaved channels
 * @param bitsPerSample bits per sample of one channel
 * @param frames        samples per channel
 */
public record WavFormat(Encoding encoding, int sampleRate, int channels, int bitsPerSample, long frames) {

    /** The sample encodings {@link WavReader} decodes. */
    public enum Encoding { PCM_INT, IEEE_FLOAT }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** Such as {@code 16-bit PCM, 8000 Hz, mono}. */
    public String describe() {
        return bitsPerSample + "-bit " + (encoding == Encoding.PCM_INT ? "PCM" : "float") + ", " + sampleRate + " Hz, "
                + (channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels");
    }
}
