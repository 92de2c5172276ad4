package dev.digits.backend.tensorflow;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.EpochLoop;
import dev.digits.training.NeuralNetSpec;
import dev.digits.training.Standardizer;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/** Trains an MLP or CNN graph in a single-threaded TensorFlow session with the shared {@link EpochLoop}. */
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
        return EpochLoop.train(spec, data, listener, (train, standardizer) -> new Network(spec, train, standardizer,
                data.shape(), data.numClasses()));
    }

    /** A graph and its session as the epoch loop drives them: one batch is gathered and fed per step. */
    private static final class Network implements EpochLoop.Network<List<float[]>> {
        private final TrainingSet train;
        private final NetworkGraph graph;
        private final Session session;
        private final TensorFlowTrainedModel model;
        private final int width;
        private final int classes;

        Network(ModelSpec spec, TrainingSet train, Standardizer standardizer, int[] shape, int classes) {
            this.train = train;
            this.classes = classes;
            this.width = train.width();
            graph = spec.type().equals(NeuralNetSpec.CNN) ? new CnnGraph(spec, shape[0], shape[1], classes, standardizer)
                    : new MlpGraph(spec, width, classes, standardizer);
            session = session(graph.graph);
            session.initialize();
            model = new TensorFlowTrainedModel(spec, graph.graph, session, shape, classes, standardizer != null);
        }

        @Override
        public TrainedModel model() {
            return model;
        }

        @Override
        public double step(int[] order, int start, int end) {
            int size = end - start;
            float[][] xs = new float[size][];
            int[] ys = new int[size];
            for (int k = 0; k < size; k++) {
                xs[k] = train.features()[order[start + k]];
                ys[k] = train.labels()[order[start + k]];
            }
            try (TFloat32 xt = Tensors.matrix(xs, width); TFloat32 yt = Tensors.oneHot(ys, classes)) {
                Session.Runner runner = session.runner().feed(graph.x, xt).feed(graph.y, yt).fetch(graph.loss);
                graph.trainTargets().forEach(runner::addTarget);
                try (Result r = runner.run()) {
                    return ((TFloat32) r.get(0)).getFloat();
                }
            }
        }

        @Override
        public void endEpoch() {
            graph.afterTraining(session, train.features());
        }

        @Override
        public List<float[]> snapshot() {
            return TensorFlowClassifier.snapshot(session, graph);
        }

        @Override
        public void restore(List<float[]> weights) {
            TensorFlowClassifier.restore(session, graph, weights);
            graph.afterTraining(session, train.features());
        }
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
