package dev.digits.training;

import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;

import java.util.Random;

/**
 * Mini-batch training over epochs, the same for every neural-net backend: the seeded validation split, the
 * standardiser fitted on the training part, a seeded shuffle per epoch (identical on every backend, so their
 * results compare), per-epoch loss and accuracy, early stopping on validation loss with the best weights put
 * back. A backend supplies only the {@link Network}: one gradient step, and a snapshot and restore of its weights.
 * Reads the {@link NeuralNetSpec#training training settings} from the spec.
 */
public final class EpochLoop {
    private EpochLoop() {
    }

    /** One network being trained, as the loop drives it. */
    public interface Network<W> {

        /** The model being trained: predicts with the current weights (and the standardiser, if any). */
        TrainedModel model();

        /** Called before each epoch's steps with the epoch's order of training rows (to gather them once, say). */
        default void startEpoch(int[] order) {
        }

        /** One gradient step on the training rows {@code order[start..end)}; returns the mean loss over them. */
        double step(int[] order, int start, int end);

        /** Called after each epoch's steps, before it is evaluated (to refresh batch-norm statistics, say). */
        default void endEpoch() {
        }

        /** A copy of the current weights. */
        W snapshot();

        /** Puts back weights taken by {@link #snapshot()}, with whatever {@link #endEpoch()} derives from them. */
        void restore(W weights);
    }

    /** Builds the backend's network for the training part, with its standardiser ({@code null} when off). */
    @FunctionalInterface
    public interface NetworkFactory<W> {
        Network<W> create(TrainingSet train, Standardizer standardizer);
    }

    /**
     * Trains a network on {@code data} as {@code spec} says, reporting every epoch to {@code listener}.
     *
     * @throws IllegalArgumentException when early stopping is asked for without a validation part
     */
    public static <W> TrainedModel train(ModelSpec spec, TrainingSet data, TrainingListener listener,
                                         NetworkFactory<W> factory) {
        NeuralNetSpec.inputShape(spec.type()).check(spec.type(), data.shape());
        int seed = spec.getInt("seed");
        ValidationSplit split = ValidationSplit.of(data, spec.getDouble("validationFraction"), seed);
        TrainingSet train = split.train();
        EarlyStopping stopping = new EarlyStopping(NeuralNetSpec.patience(spec));
        if (stopping.enabled() && split.validation() == null) {
            throw new IllegalArgumentException("earlyStopping needs a validation set: set validationFraction above 0");
        }
        Standardizer standardizer = spec.getBoolean("standardize") ? Standardizer.fit(train.features()) : null;
        Network<W> network = factory.create(train, standardizer);
        int n = train.size();
        int batch = Math.min(spec.getInt("batchSize"), Math.max(1, n));
        int epochs = spec.getInt("epochs");
        Random shuffle = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        W best = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            network.startEpoch(order);
            double lossSum = 0;
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                lossSum += network.step(order, start, end) * (end - start);
            }
            network.endEpoch();
            if (!Double.isFinite(lossSum)) {
                throw new IllegalStateException("training diverged: the loss is " + lossSum / n + " at epoch " + epoch
                        + " (non-finite features, or a learning rate too high)");
            }
            float[][] trainProbs = ProbabilityMetrics.requireFinite(network.model().predictProbabilities(train.features()));
            double valLoss = Double.NaN;
            double valAcc = Double.NaN;
            if (split.validation() != null) {
                float[][] vp = network.model().predictProbabilities(split.validation().features());
                valLoss = ProbabilityMetrics.crossEntropy(vp, split.validation().labels());
                valAcc = ProbabilityMetrics.accuracy(vp, split.validation().labels());
            }
            listener.onEpoch(new EpochMetrics(epoch, epochs, lossSum / n,
                    ProbabilityMetrics.accuracy(trainProbs, train.labels()), valLoss, valAcc));
            if (stopping.enabled()) {
                if (stopping.record(epoch, valLoss)) {
                    best = network.snapshot();
                }
                if (stopping.shouldStop()) {
                    break;
                }
            }
        }
        if (best != null) {
            network.restore(best);
        }
        return network.model();
    }
}
