package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;
import dev.digits.core.audio.SincResampler;

import java.util.random.RandomGenerator;

/**
 * Plays the clip faster or slower by a factor drawn from a range, by band-limited resampling
 * ({@link SincResampler}): tempo, pitch and formants all move together, as between a shorter and a
 * longer vocal tract (the "speed perturbation" of Kaldi recipes). A factor of 1.1 gives a clip 1/1.1 as long.
 */
public final class SpeedPerturbation implements AudioAugmentation {
    private final Parameters parameters;
    private final double[] factor;

    SpeedPerturbation(Parameters parameters) {
        this.parameters = parameters;
        this.factor = parameters.getRange("factor");
    }

    @Override
    public String name() {
        return SpeedPerturbationProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        double f = factor[0] + (factor[1] - factor[0]) * random.nextDouble();
        return clip.withSamples(SincResampler.resample(clip.samples(), f), clip.sampleRate());
    }
}
