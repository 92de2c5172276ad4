package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;

import java.util.random.RandomGenerator;

/** Scales the clip by a gain drawn uniformly from a range in dB (a louder or quieter speaker). */
public final class Gain implements AudioAugmentation {
    private final Parameters parameters;
    private final double[] db;

    Gain(Parameters parameters) {
        this.parameters = parameters;
        this.db = parameters.getRange("db");
    }

    @Override
    public String name() {
        return GainProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        double g = Math.pow(10, (db[0] + (db[1] - db[0]) * random.nextDouble()) / 20);
        float[] x = clip.samples();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * g);
        }
        return clip.withSamples(out, clip.sampleRate());
    }
}
