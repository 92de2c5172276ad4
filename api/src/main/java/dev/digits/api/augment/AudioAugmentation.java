package dev.digits.api.augment;

import dev.digits.api.audio.AudioClip;

import java.util.random.RandomGenerator;

/** An augmentation of the waveform: noise, gain, time shift, speed or pitch change. */
public interface AudioAugmentation extends Augmentation {

    /** A new clip (the input is not modified), drawing any random choices from {@code random}. */
    AudioClip apply(AudioClip clip, RandomGenerator random);
}
