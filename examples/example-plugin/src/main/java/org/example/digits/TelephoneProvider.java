package org.example.digits;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An example augmentation plugin, {@code telephone}: a telephone-like band, a first-order high-pass at a random
 * frequency in {@code low} and a first-order low-pass at a random frequency in {@code high}.
 */
public final class TelephoneProvider implements AugmentationProvider {

    @Override
    public String name() {
        return "telephone";
    }

    @Override
    public String description() {
        return "example plugin: telephone-like band-pass with random edges";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.range("low", 200, 400, 1, 20000, "high-pass corner in Hz, a number or [low, high]"),
                ParameterSpec.range("high", 3000, 3600, 1, 20000, "low-pass corner in Hz, a number or [low, high]"));
    }

    @Override
    public Augmentation create(Parameters parameters) {
        double[] low = parameters.getRange("low");
        double[] high = parameters.getRange("high");
        return new AudioAugmentation() {
            @Override
            public String name() {
                return "telephone";
            }

            @Override
            public Parameters parameters() {
                return parameters;
            }

            @Override
            public AudioClip apply(AudioClip clip, RandomGenerator random) {
                double lo = low[0] + (low[1] - low[0]) * random.nextDouble();
                double hi = high[0] + (high[1] - high[0]) * random.nextDouble();
                double dt = 1.0 / clip.sampleRate();
                double a = 1 / (1 + 2 * Math.PI * lo * dt);            // high-pass coefficient
                double b = 2 * Math.PI * hi * dt / (1 + 2 * Math.PI * hi * dt); // low-pass coefficient
                float[] x = clip.samples();
                float[] y = new float[x.length];
                double hp = 0;
                double lp = 0;
                double prev = 0;
                for (int i = 0; i < x.length; i++) {
                    hp = a * (hp + x[i] - prev);
                    prev = x[i];
                    lp += b * (hp - lp);
                    y[i] = (float) lp;
                }
                return clip.withSamples(y, clip.sampleRate());
            }
        };
    }
}
