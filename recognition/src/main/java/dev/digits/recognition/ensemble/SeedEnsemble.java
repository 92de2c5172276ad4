package dev.digits.recognition.ensemble;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains several copies of one spec that differ only in their seed and averages their class probabilities
 * ({@link EnsembleModel}). Member 0 uses the spec's own seed, so an ensemble of one is the spec itself.
 * Members train one after the other; the listener sees their epochs numbered on from each other.
 */
public final class SeedEnsemble implements Classifier {
    /** Added to the seed once per member: far from the small seed lists experiments use. */
    public static final long SEED_STRIDE = 7919;

    private final ClassifierProvider provider;
    private final ModelSpec spec;
    private final int members;

    /**
     * @throws IllegalArgumentException if {@code members} is below 1, or above 1 for a model type without a
     *                                  {@code seed} parameter (its members would all be the same model)
     */
    public SeedEnsemble(ClassifierProvider provider, ModelSpec spec, int members) {
        checkMembers(provider, spec.type(), members);
        this.provider = provider;
        this.spec = spec;
        this.members = members;
    }

    /** The provider's own learner for one member, this ensemble for more. */
    public static Classifier of(ClassifierProvider provider, ModelSpec spec, int members) {
        return members == 1 ? provider.create(spec) : new SeedEnsemble(provider, spec, members);
    }

    /**
     * Checks that {@code members} copies of the type can differ.
     *
     * @throws IllegalArgumentException if {@code members} is below 1, or above 1 for a type without a seed
     */
    public static void checkMembers(ClassifierProvider provider, String type, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("an ensemble needs at least 1 member, got " + members);
        }
        if (members > 1 && !hasSeed(provider, type)) {
            throw new IllegalArgumentException("ensemble: " + members + " needs a model with a seed; " + provider.name()
                    + " " + type + " has none, so its members would all be the same model");
        }
    }

    /** Whether the backend's model type takes a {@code seed} parameter. */
    public static boolean hasSeed(ClassifierProvider provider, String type) {
        return provider.parameters(type).stream().anyMatch(p -> p.name().equals("seed"));
    }

    /** The spec of member {@code k}: the same hyper-parameters with seed {@code seed + k * SEED_STRIDE}. */
    public ModelSpec memberSpec(int k) {
        if (k == 0) {
            return spec;
        }
        long seed = ((Number) spec.parameters().get("seed")).longValue() + k * SEED_STRIDE;
        Map<String, Object> withSeed = new LinkedHashMap<>(spec.parameters().asMap());
        withSeed.put("seed", seed);
        return provider.spec(spec.type(), withSeed);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainedModel train(TrainingSet data, TrainingListener listener) {
        List<TrainedModel> trained = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            int member = k;
            trained.add(provider.create(memberSpec(k)).train(data, m -> listener.onEpoch(new EpochMetrics(
                    member * m.epochs() + m.epoch(), members * m.epochs(), m.trainLoss(), m.trainAccuracy(),
                    m.validationLoss(), m.validationAccuracy()))));
        }
        return new EnsembleModel(trained);
    }
}
