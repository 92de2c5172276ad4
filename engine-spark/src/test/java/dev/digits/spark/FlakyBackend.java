package dev.digits.spark;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.params.ParameterSpec;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test backend: {@code type: once} fails the first training of each seed and then delegates to Tribuo's
 * logistic regression (a transient failure a retry cures); {@code type: always} fails every time.
 */
public final class FlakyBackend implements ClassifierProvider {
    /** Seeds whose first training already failed (Spark local mode runs tasks in this JVM). */
    static final Set<Long> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public String description() {
        return "test plugin: training fails once (type once) or always (type always)";
    }

    @Override
    public Set<String> modelTypes() {
        return Set.of("once", "always");
    }

    @Override
    public List<ParameterSpec> parameters(String modelType) {
        return List.of(ParameterSpec.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed"));
    }

    @Override
    public Classifier create(ModelSpec spec) {
        return new Classifier() {
            @Override
            public ModelSpec spec() {
                return spec;
            }

            @Override
            public TrainedModel train(TrainingSet data, TrainingListener listener) {
                long seed = spec.parameters().getInt("seed");
                if (spec.type().equals("always") || FAILED_ONCE.add(seed)) {
                    throw new IllegalStateException("simulated worker failure (" + spec.type() + ")");
                }
                ClassifierProvider tribuo = dev.digits.experiment.Plugins.discover(getClass().getClassLoader()).backends().get("tribuo");
                return tribuo.create(tribuo.spec("logistic", java.util.Map.of())).train(data, listener);
            }
        };
    }

    @Override
    public TrainedModel load(InputStream in) {
        throw new UnsupportedOperationException("nothing to load");
    }
}
