package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.params.Parameters;

import java.util.random.RandomGenerator;

/**
 * Moves the utterance in time by padding silence before and after it, each length drawn from a range in
 * seconds: the word starts earlier or later in the clip, as it does in a user's recording.
 */
public final class TimeShift implements AudioAugmentation {
    private final Parameters parameters;
    private final double[] before;
    private final double[] after;

    TimeShift(Parameters parameters) {
        this.parameters = parameters;
        this.before = parameters.getRange("before");
        this.after = parameters.getRange("after");
    }

    @Override
    public String name() {
        return TimeShiftProvider.NAME;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public AudioClip apply(AudioClip clip, RandomGenerator random) {
        int sr = clip.sampleRate();
        int head = (int) Math.round(sr * (before[0] + (before[1] - before[0]) * random.nextDouble()));
        int tail = (int) Math.round(sr * (after[0] + (after[1] - after[0]) * random.nextDouble()));
        float[] out = new float[head + clip.length() + tail];
        System.arraycopy(clip.samples(), 0, out, head, clip.length());
        return clip.withSamples(out, sr);
    }
}
