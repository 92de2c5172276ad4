package dev.digits.core.augment;

import dev.digits.api.audio.AudioClip;
import dev.digits.core.augment.AugmentationPipeline;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.params.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An extractor that gives one augmented copy of each clip: the pipeline's audio steps, the wrapped extractor,
 * then its feature steps. Its {@link #parameters()} are the wrapped extractor's plus the pipeline's description
 * and the copy number, so the feature cache keeps each copy apart. The randomness of a copy depends only on
 * the pipeline's seed, the clip's samples and the copy number.
 */
public final class AugmentedExtractor implements FeatureExtractor {
    private final FeatureExtractor base;
    private final AugmentationPipeline pipeline;
    private final int copy;
    private final Parameters parameters;

    /**
     * @param description what the pipeline does, with its seed (part of the cache key)
     * @param copy        which copy, from 0
     */
    public AugmentedExtractor(FeatureExtractor base, AugmentationPipeline pipeline, String description, int copy) {
        this.base = base;
        this.pipeline = pipeline;
        this.copy = copy;
        Map<String, Object> p = new LinkedHashMap<>(base.parameters().asMap());
        p.put("augmentation", description);
        p.put("copy", copy);
        this.parameters = Parameters.of(p);
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int revision() {
        return base.revision();
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public boolean producesMatrix() {
        return base.producesMatrix();
    }

    @Override
    public Features extract(AudioClip clip) {
        return pipeline.apply(clip, contentKey(clip), copy, base::extract);
    }

    /** A 64-bit hash of the samples and rate, in hex: the same audio gives the same augmentation wherever it is. */
    static String contentKey(AudioClip clip) {
        long h = 0xcbf29ce484222325L ^ clip.sampleRate();
        for (float v : clip.samples()) {
            h = (h ^ Float.floatToIntBits(v)) * 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
