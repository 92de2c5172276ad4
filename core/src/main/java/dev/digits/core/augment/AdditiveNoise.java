package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Adds noise at a signal-to-noise ratio drawn uniformly from a range (in dB, against the clip's mean power):
 * white, pink (-3 dB per octave), or a random stretch of a random recording from a folder.
 */
public final class AdditiveNoise implements AudioAugmentation {
    private final Parameters parameters;
    private final double[] snr;
    private final String color;
    private final NoiseRecordings recordings;

    AdditiveNoise(Parameters parameters, NoiseRecordings recordings) {
        this.parameters = parameters;
        this.snr = parameters.getRange("snr");
        this.color = parameters.getString("color");
        this.recordings = recordings;
    }

    @Override
    public String name() {
        return AdditiveNoiseProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        float[] x = clip.samples();
        double signalPower = 0;
        for (float v : x) {
            signalPower += v * (double) v;
        }
        signalPower /= Math.max(1, x.length);
        double db = snr[0] + (snr[1] - snr[0]) * random.nextDouble();
        float[] noise = switch (color) {
            case "white" -> white(x.length, random);
            case "pink" -> pink(x.length, random);
            default -> recordings.stretch(x.length, clip.sampleRate(), random);
        };
        double noisePower = 0;
        for (float v : noise) {
            noisePower += v * (double) v;
        }
        noisePower /= Math.max(1, noise.length);
        double scale = signalPower == 0 || noisePower == 0 ? 0
                : Math.sqrt(signalPower / Math.pow(10, db / 10) / noisePower);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] + scale * noise[i]);
        }
        return clip.withSamples(out, clip.sampleRate());
    }

    static float[] white(int n, RandomGenerator random) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) random.nextGaussian();
        }
        return w;
    }

    /** White noise through Paul Kellet's economy pink filter (within 0.5 dB of -3 dB/octave above ~40 Hz at 8 kHz). */
    static float[] pink(int n, RandomGenerator random) {
        float[] p = new float[n];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        for (int i = 0; i < n; i++) {
            double white = random.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            p[i] = (float) (b0 + b1 + b2 + white * 0.1848);
        }
        return p;
    }

    /** The colours {@code color} accepts. */
    static List<String> colors() {
        return List.of("white", "pink", "files");
    }
}
