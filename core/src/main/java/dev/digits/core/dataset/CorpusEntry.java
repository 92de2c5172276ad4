package dev.digits.core.dataset;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.audio.WavFile;

import java.nio.file.Path;

/**
 * One labelled recording of a corpus.
 *
 * @param path    the WAV file
 * @param digit   the spoken digit, 0-9, or {@link dev.digits.core.labels.DigitLabels#OTHER} for speech that is not a
 *                digit
 * @param speaker the speaker id, or {@code null} where the layout does not say
 * @param index   the recording's index within its speaker and digit, or -1 where the layout has none
 * @param part    its part of the dataset's official split ({@link OfficialPart#NONE} where there is none)
 */
public record CorpusEntry(Path path, int digit, String speaker, int index, OfficialPart part) {

    /** An entry whose official part follows from its index, as in FSDD and AudioMNIST. */
    public CorpusEntry(Path path, int digit, String speaker, int index) {
        this(path, digit, speaker, index, OfficialPart.byIndex(index));
    }

    public boolean hasSpeaker() {
        return speaker != null;
    }

    /** The decoded recording as a clip labelled with this entry's digit and speaker, its path as source id. */
    public AudioClip clip(WavFile wav) {
        return new AudioClip(wav.mono(), wav.format().sampleRate(), digit, speaker, path.toString());
    }
}
