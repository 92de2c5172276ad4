package dev.digits.backend.tensorflow;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.EarlyStopping;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.NeuralNetSpec;
import dev.digits.api.model.ProbabilityMetrics;
import dev.digits.api.model.Standardizer;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.model.ValidationSplit;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Trains an MLP or CNN graph in a single-threaded TensorFlow session, with seeded shuffling. */
final class TensorFlowClassifier implements Classifier {
    private final ModelSpec spec;

    TensorFlowClassifier(ModelSpec spec) {
        this.spec = spec;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    static Session session(org.tensorflow.Graph graph) {
        return new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(1).build());
    }

    @Override
    public TrainedModel train(TrainingSet data, TrainingListener listener) {
        boolean cnn = spec.type().equals(NeuralNetSpec.CNN);
        if (!cnn && data.shape().length != 1) {
            throw new IllegalArgumentException("mlp takes feature vectors; got matrices of shape "
                    + java.util.Arrays.toString(data.shape()) + " (use pooling: mean, or model type cnn)");
        }
        if (cnn && data.shape().length != 2) {
            throw new IllegalArgumentException("cnn takes [coefficients x frames] matrices; got vectors of "
                    + data.shape()[0] + " (use pooling: none and frames: N)");
        }
        ValidationSplit split = ValidationSplit.of(data, spec.getDouble("validationFraction"), spec.getInt("seed"));
        TrainingSet train = split.train();
        Standardizer standardizer = spec.getBoolean("standardize") ? Standardizer.fit(train.features()) : null;
        int width = data.width();
        int classes = data.numClasses();
        NetworkGraph graph = cnn ? new CnnGraph(spec, data.shape()[0], data.shape()[1], classes, standardizer)
                : new MlpGraph(spec, width, classes, standardizer);
        Session session = session(graph.graph);
        session.initialize();
        TensorFlowTrainedModel model = new TensorFlowTrainedModel(spec, graph.graph, session, data.shape(), classes,
                standardizer != null);
        EarlyStopping stopping = new EarlyStopping(NeuralNetSpec.patience(spec));
        if (stopping.enabled() && split.validation() == null) {
            throw new IllegalArgumentException("earlyStopping needs a validation set: set validationFraction above 0");
        }
        int n = train.size();
        int batch = Math.min(spec.getInt("batchSize"), Math.max(1, n));
        int epochs = spec.getInt("epochs");
        Random shuffle = new Random(spec.getInt("seed"));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[][] xb = new float[batch][];
        List<float[]> best = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            for (int start = 0; start < n; start += batch) {
                int size = Math.min(batch, n - start);
                float[][] xs = size == batch ? xb : new float[size][];
                int[] ys = new int[size];
                for (int k = 0; k < size; k++) {
                    xs[k] = train.features()[order[start + k]];
                    ys[k] = train.labels()[order[start + k]];
                }
                try (TFloat32 xt = Tensors.matrix(xs, width); TFloat32 yt = Tensors.oneHot(ys, classes)) {
                    Session.Runner runner = session.runner().feed(graph.x, xt).feed(graph.y, yt).fetch(graph.loss);
                    graph.trainTargets().forEach(runner::addTarget);
                    try (Result r = runner.run()) {
                        lossSum += ((TFloat32) r.get(0)).getFloat() * size;
                    }
                }
            }
            graph.afterTraining(session, train.features());
            float[][] trainProbs = model.predictProbabilities(train.features());
            double valLoss = Double.NaN;
            double valAcc = Double.NaN;
            if (split.validation() != null) {
                float[][] vp = model.predictProbabilities(split.validation().features());
                valLoss = ProbabilityMetrics.crossEntropy(vp, split.validation().labels());
                valAcc = ProbabilityMetrics.accuracy(vp, split.validation().labels());
            }
            listener.onEpoch(new EpochMetrics(epoch, epochs, lossSum / n, ProbabilityMetrics.accuracy(trainProbs,
                    train.labels()), valLoss, valAcc));
            if (stopping.enabled()) {
                if (stopping.record(epoch, valLoss)) {
                    best = snapshot(session, graph);
                }
                if (stopping.shouldStop()) {
                    break;
                }
            }
        }
        if (best != null) {
            restore(session, graph, best);
            graph.afterTraining(session, train.features());
        }
        return model;
    }

    private static List<float[]> snapshot(Session session, NetworkGraph graph) {
        List<float[]> values = new ArrayList<>();
        for (var w : graph.weights) {
            try (Result r = session.runner().fetch(w).run()) {
                values.add(Tensors.flat((TFloat32) r.get(0)));
            }
        }
        return values;
    }

    private static void restore(Session session, NetworkGraph graph, List<float[]> values) {
        for (int i = 0; i < values.size(); i++) {
            var w = graph.weights.get(i);
            try (TFloat32 t = TFloat32.tensorOf(w.shape(), org.tensorflow.ndarray.buffer.DataBuffers.of(values.get(i), true, false))) {
                session.runner().feed(graph.weightInputs.get(i), t).addTarget(graph.weightAssigns.get(i)).run().close();
            }
        }
    }
}
