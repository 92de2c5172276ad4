package dev.digits.core.augment;

import dev.digits.api.augment.AudioAugmentation;
import dev.digits.api.augment.Augmentation;
import dev.digits.api.augment.FeatureAugmentation;

import dev.digits.api.audio.AudioClip;
import dev.digits.api.features.Features;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Augmentation steps applied in order, each with a probability, with every random choice derived from a seed,
 * the clip's identity and the copy number: the same pipeline gives the same augmented copy of a clip in every
 * run, on every thread, whatever order clips are processed in.
 *
 * @param steps the steps, audio and feature steps in any order (audio steps run first, before extraction)
 * @param seed  the pipeline's seed
 */
public record AugmentationPipeline(List<Step> steps, long seed) {

    /** One step: the augmentation and the probability that it is applied to a given copy. */
    public record Step(Augmentation augmentation, double probability) {
        public Step {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1, got " + probability);
            }
        }
    }

    public AugmentationPipeline {
        steps = List.copyOf(steps);
    }

    /** No steps: every copy is the clip itself. */
    public static AugmentationPipeline none() {
        return new AugmentationPipeline(List.of(), 0);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Whether any step works on features (and so needs the extractor's output to accept it). */
    public boolean hasFeatureSteps() {
        return steps.stream().anyMatch(s -> s.augmentation() instanceof FeatureAugmentation);
    }

    /**
     * One augmented copy: the audio steps on the clip, the extractor, then the feature steps.
     *
     * @param clipKey identifies the clip (its content hash, say), so the copy does not depend on processing order
     * @param copy    which copy, from 0
     */
    public Features apply(AudioClip clip, String clipKey, int copy, Function<AudioClip, Features> extractor) {
        long key = 1125899906842597L;
        for (int i = 0; i < clipKey.length(); i++) {
            key = 31 * key + clipKey.charAt(i);
        }
        SplittableRandom random = new SplittableRandom(mix(seed) ^ mix(key) ^ mix(0x9E3779B97F4A7C15L * (copy + 1)));
        // one generator per step, split in a fixed order, so adding a step's randomness never shifts another's
        SplittableRandom[] perStep = new SplittableRandom[steps.size()];
        for (int i = 0; i < perStep.length; i++) {
            perStep[i] = random.split();
        }
        AudioClip audio = clip;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.augmentation() instanceof AudioAugmentation a && perStep[i].nextDouble() < s.probability()) {
                audio = a.apply(audio, perStep[i]);
            }
        }
        Features features = extractor.apply(audio);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.augmentation() instanceof FeatureAugmentation f && perStep[i].nextDouble() < s.probability()) {
                features = f.apply(features, perStep[i]);
            }
        }
        return features;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
