package dev.digits.core.audio;

/**
 * The header facts of a WAV file.
 *
 * @param encoding      how samples are stored
 * @param sampleRate    frames per second
 * @param channels      interleaved channels
 * @param bitsPerSample bits per sample of one channel
 * @param frames        samples per channel
 */
public record WavFormat(Encoding encoding, int sampleRate, int channels, int bitsPerSample, long frames) {

    /** The sample encodings {@link WavReader} decodes. */
    public enum Encoding {
        PCM_INT("PCM"), IEEE_FLOAT("float"), MU_LAW("mu-law"), A_LAW("A-law");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        /** Such as {@code PCM} or {@code mu-law}. */
        public String label() {
            return label;
        }
    }

    public double durationSeconds() {
        return frames / (double) sampleRate;
    }

    /** Such as {@code 16-bit PCM, 8000 Hz, mono}. */
    public String describe() {
        return bitsPerSample + "-bit " + encoding.label() + ", " + sampleRate + " Hz, "
                + (channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels");
    }
}
