package dev.digits.experiment.training;

import dev.digits.training.ProbabilityMetrics;
import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.metrics.ClassificationMetrics;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.results.CellResult.ClassScore;
import dev.digits.experiment.results.CellResult.DigitProbability;
import dev.digits.experiment.results.CellResult.EpochRecord;
import dev.digits.experiment.results.CellResult.Misclassification;
import dev.digits.recognition.provenance.RunProvenance.ModelProvenance;
import dev.digits.core.dataset.CorpusEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains and evaluates models, the same way for every command: builds the examples (each clip followed by its
 * augmented copies), resolves the model's spec for a seed, checks that the features fit the model type, trains
 * with per-epoch records, and scores a model on test examples. The class count comes from the labels.
 */
public final class TrainingService {
    private final Plugins plugins;

    public TrainingService(Plugins plugins) {
        this.plugins = plugins;
    }

    /** A trained model with what it took: the resolved spec, its backend, seconds and the epochs' curve. */
    public record Trained(TrainedModel model, ModelSpec spec, ClassifierProvider provider, double seconds,
                          List<EpochRecord> epochs) {
    }

    /** How a model did on test examples. */
    public record Evaluation(ClassificationMetrics metrics, float[][] probabilities, int[] predicted,
                             double predictMillisPerClip) {

        /** One character per test example: {@code 1} right, {@code 0} wrong. */
        public String correctness(int[] truth) {
            StringBuilder s = new StringBuilder(predicted.length);
            for (int i = 0; i < predicted.length; i++) {
                s.append(predicted[i] == truth[i] ? '1' : '0');
            }
            return s.toString();
        }

        /** The examples the model got wrong, with their files and the two most probable digits. */
        public List<Misclassification> misclassified(int[] truth, List<Path> files) {
            List<Misclassification> wrong = new ArrayList<>();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] != truth[i]) {
                    int second = argmax(probabilities[i], predicted[i]);
                    wrong.add(new Misclassification(files.get(i).toString(), truth[i], predicted[i], List.of(
                            new DigitProbability(predicted[i], probabilities[i][predicted[i]]),
                            new DigitProbability(second, probabilities[i][second]))));
                }
            }
            return wrong;
        }

        public List<ClassScore> perClass() {
            return metrics.perClass().stream().map(pc -> new ClassScore(pc.label(), pc.precision(), pc.recall(), pc.f1(),
                    pc.support())).toList();
        }
    }

    /** One more than the largest digit among {@code entries}: the number of classes a model of them predicts. */
    public static int numClasses(List<CorpusEntry> entries) {
        return entries.stream().mapToInt(CorpusEntry::digit).max().orElse(-1) + 1;
    }

    /** The backend of a model config, by name. */
    public ClassifierProvider provider(ModelConfig model) {
        return plugins.backends().get(model.backend());
    }

    /**
     * Trains {@code model} on {@code data} with {@code seed}, telling {@code progress} of every epoch.
     *
     * @throws IllegalArgumentException when the features are not of the shape the model type takes
     */
    public Trained train(ModelConfig model, long seed, TrainingSet data, TrainingListener progress) {
        ClassifierProvider provider = provider(model);
        ModelSpec spec = model.resolve(provider, seed);
        Classifier classifier = classifier(model, provider, spec, data);
        List<EpochRecord> epochs = new ArrayList<>();
        long t0 = System.nanoTime();
        TrainedModel trained = classifier.train(data, m -> {
            epochs.add(new EpochRecord(m.epoch(), finite(m.trainLoss()), finite(m.trainAccuracy()),
                    finite(m.validationLoss()), finite(m.validationAccuracy())));
            progress.onEpoch(m);
        });
        return new Trained(trained, spec, provider, (System.nanoTime() - t0) / 1e9, List.copyOf(epochs));
    }

    /**
     * A model of {@code model} trained on {@code data} with {@code seed} only to be asked for its most likely class
     * (a leave-one-out check): the backend may skip calibrating probabilities ({@link Classifier#trainForDecisions}).
     *
     * @throws IllegalArgumentException when the features are not of the shape the model type takes
     */
    public TrainedModel trainForDecisions(ModelConfig model, long seed, TrainingSet data) {
        ClassifierProvider provider = provider(model);
        return classifier(model, provider, model.resolve(provider, seed), data).trainForDecisions(data, m -> { });
    }

    /**
     * The learner of {@code model} with its resolved {@code spec}, once the features are known to fit it.
     *
     * @throws IllegalArgumentException when the features are not of the shape the model type takes
     */
    private static Classifier classifier(ModelConfig model, ClassifierProvider provider, ModelSpec spec,
                                         TrainingSet data) {
        provider.inputShape(spec.type()).check(spec.type(), data.shape());
        return model.classifier(provider, spec);
    }

    /** Scores {@code model} on {@code test}, timing prediction per example. */
    public static Evaluation evaluate(TrainedModel model, TrainingSet test) {
        long t0 = System.nanoTime();
        float[][] probs = ProbabilityMetrics.requireFinite(model.predictProbabilities(test.features()));
        double millis = (System.nanoTime() - t0) / 1e6 / Math.max(1, test.size());
        int[] predicted = new int[probs.length];
        for (int i = 0; i < probs.length; i++) {
            predicted[i] = argmax(probs[i], -1);
        }
        return new Evaluation(ClassificationMetrics.of(test.labels(), predicted, test.numClasses()), probs, predicted,
                millis);
    }

    /** The model as provenance records it. */
    public static ModelProvenance modelProvenance(ModelConfig model, Trained trained) {
        return new ModelProvenance(model.id(), trained.provider().name(), trained.spec().type(),
                trained.spec().parameters(), model.ensemble());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static int argmax(float[] p, int exclude) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (c != exclude && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return best;
    }
}
