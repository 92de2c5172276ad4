package dev.digits.core.audio;

/** A decoded WAV file: its header facts and its samples averaged to mono, in [-1, 1]. */
public record WavFile(WavFormat format, float[] mono) {
}
