package dev.digits.recognition.stream;

import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.core.augment.TimeShiftProvider;

/**
 * How much audio around a detected utterance the classifier gets, fit to the clips its model was trained on:
 * FSDD's clips are tightly trimmed, so by default 80 ms before and 60 ms after the speech; a model whose training
 * copies were given room around the word (a {@code shift} augmentation step, as {@code experiments/recommended.yaml}'s
 * {@code stream-noise}) gets as much as the most that step added, before and after.
 */
public final class UtteranceFraming {
    private UtteranceFraming() {
    }

    /** The detector's defaults with the pre- and post-roll fit to {@code bundle}'s training clips. */
    public static VoiceActivityDetector.Settings defaultsFor(ModelBundle bundle) {
        return defaultsFor(bundle.manifest().provenance());
    }

    /** The same from the training run's provenance ({@code null} in bundles from before it was recorded). */
    static VoiceActivityDetector.Settings defaultsFor(RunProvenance provenance) {
        VoiceActivityDetector.Settings d = VoiceActivityDetector.Settings.defaults();
        int before = d.prerollMs();
        int after = d.postrollMs();
        if (provenance != null && provenance.augmentation() != null && provenance.augmentation().steps() != null) {
            for (RunProvenance.StepProvenance step : provenance.augmentation().steps()) {
                if (step.type().equals(TimeShiftProvider.NAME)) {
                    before = Math.max(before, (int) Math.round(1000 * step.params().getRange("before")[1]));
                    after = Math.max(after, (int) Math.round(1000 * step.params().getRange("after")[1]));
                }
            }
        }
        return new VoiceActivityDetector.Settings(d.thresholdDb(), d.absoluteFloorDb(), d.hangoverMs(), d.minMs(),
                d.maxMs(), before, after);
    }
}
