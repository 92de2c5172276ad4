package dev.digits.core.audio;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.dataset.CorpusEntry;

/** A decoded WAV file: its header facts and its samples averaged to mono, in [-1, 1]. */
public record WavFile(WavFormat format, float[] mono) {

    /** A clip labelled with the corpus entry's digit and speaker, its path as source id. */
    public AudioClip toClip(CorpusEntry entry) {
        return new AudioClip(mono, format.sampleRate(), entry.digit(), entry.speaker(), entry.path().toString());
    }
}
