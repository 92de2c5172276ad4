package dev.digits.backend.dl4j;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import dev.digits.training.EpochLoop;
import dev.digits.training.Standardizer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a spec on Deeplearning4j with the shared {@link EpochLoop}: each epoch gathers the shuffled rows in one
 * native call, then fits contiguous batch views.
 */
final class Dl4jClassifier implements Classifier {
    private final ModelSpec spec;

    Dl4jClassifier(ModelSpec spec) {
        this.spec = spec;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainedModel train(TrainingSet data, TrainingListener listener) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(spec.getInt("seed"));
        return EpochLoop.train(spec, data, listener, (train, standardizer) -> new Network(spec, train, standardizer,
                data.shape(), data.numClasses()));
    }

    /** A MultiLayerNetwork as the epoch loop drives it. */
    private static final class Network implements EpochLoop.Network<INDArray> {
        private final MultiLayerNetwork net;
        private final Dl4jTrainedModel model;
        private final INDArray x;
        private final INDArray y;
        private INDArray xs;
        private INDArray ys;

        Network(ModelSpec spec, TrainingSet train, Standardizer standardizer, int[] shape, int numClasses) {
            net = new MultiLayerNetwork(Dl4jNetworks.configuration(spec, shape, numClasses));
            net.init();
            model = new Dl4jTrainedModel(spec, net, standardizer, shape, numClasses);
            x = model.toMatrix(standardizer == null ? train.features() : standardizer.apply(train.features()));
            y = Nd4j.create(DataType.FLOAT, train.size(), 1);
            for (int i = 0; i < train.size(); i++) {
                y.putScalar(i, 0, train.labels()[i]);
            }
        }

        @Override
        public TrainedModel model() {
            return model;
        }

        @Override
        public void startEpoch(int[] order) {
            xs = Nd4j.pullRows(x, 1, order);
            ys = Nd4j.pullRows(y, 1, order);
        }

        @Override
        public double step(int[] order, int start, int end) {
            net.fit(model.asNetworkInput(xs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())),
                    ys.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
            return net.score();
        }

        @Override
        public INDArray snapshot() {
            return net.params().dup();
        }

        @Override
        public void restore(INDArray weights) {
            net.setParams(weights);
        }
    }
}
