package dev.digits.core.audio;

/**
 * A decoded WAV file: its header facts, its samples averaged to mono, in [-1, 1], and what was odd but readable
 * about it ({@code null} when nothing was), such as a data chunk whose size a streaming recorder never filled in.
 */
public record WavFile(WavFormat format, float[] mono, String warning) {

    public WavFile(WavFormat format, float[] mono) {
        this(format, mono, null);
    }
}
