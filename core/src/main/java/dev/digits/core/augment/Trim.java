package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;
import dev.digits.dsp.SilenceTrim;

import java.util.random.RandomGenerator;

/**
 * Cuts a clip's leading and trailing silence (frames more than {@code db} below its loudest 20 ms), so that copies
 * of clips recorded with much silence around the word (Speech Commands' one-second clips) look like the utterances a
 * stream's detector cuts; a {@code shift} step after it gives them the detector's room around the word.
 */
public final class Trim implements AudioAugmentation {
    private final Parameters parameters;
    private final SilenceTrim trim;

    Trim(Parameters parameters) {
        this.parameters = parameters;
        this.trim = SilenceTrim.at(parameters.getDouble("db"));
    }

    @Override
    public String name() {
        return TrimProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        return trim.apply(clip);
    }
}
