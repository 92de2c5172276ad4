package dev.digits.dsp;

import dev.digits.api.audio.AudioClip;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

/**
 * Cuts leading and trailing silence from a clip, like {@code librosa.effects.trim}: frames of 20 ms (hop 10 ms)
 * whose RMS is more than {@code topDb} below the loudest frame's are silence. Recordings differ in how much
 * silence surrounds the word; without it, features that stretch the word to a fixed width line up.
 */
public final class SilenceTrim {
    /** The parameter extractors declare for it: {@code trim_db}, none by default (no trimming). */
    public static ParameterSpec parameter() {
        return ParameterSpec.number("trim_db", null, 1, 200,
                "cut leading/trailing audio quieter than this many dB below the loudest 20 ms frame (none: keep all)");
    }

    private final Double topDb;

    private SilenceTrim(Double topDb) {
        this.topDb = topDb;
    }

    /** Trimming at {@code topDb} below the loudest frame. */
    public static SilenceTrim at(double topDb) {
        return new SilenceTrim(topDb);
    }

    /** From resolved parameters that include {@link #parameter()}. */
    public static SilenceTrim from(Parameters p) {
        return new SilenceTrim(p.get("trim_db") == null ? null : p.getDouble("trim_db"));
    }

    /** The clip without its leading and trailing silence (itself if trimming is off or nothing is cut). */
    public AudioClip apply(AudioClip clip) {
        if (topDb == null || clip.length() == 0) {
            return clip;
        }
        float[] x = clip.samples();
        int frame = Math.max(1, clip.sampleRate() / 50);
        int hop = Math.max(1, frame / 2);
        int frames = Math.max(1, (x.length - frame) / hop + 1);
        double[] power = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int end = Math.min(x.length, f * hop + frame);
            for (int i = f * hop; i < end; i++) {
                sum += x[i] * (double) x[i];
            }
            power[f] = sum / Math.max(1, end - f * hop);
            max = Math.max(max, power[f]);
        }
        if (max == 0) {
            return clip;
        }
        double threshold = max * Math.pow(10, -topDb / 10);
        int first = 0;
        while (first < frames - 1 && power[first] < threshold) {
            first++;
        }
        int last = frames - 1;
        while (last > first && power[last] < threshold) {
            last--;
        }
        int start = first * hop;
        int stop = Math.min(x.length, last * hop + frame);
        if (start == 0 && stop == x.length) {
            return clip;
        }
        return clip.withSamples(java.util.Arrays.copyOfRange(x, start, stop), clip.sampleRate());
    }
}
