package dev.digits.backend.dl4j;

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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * Trains a spec on Deeplearning4j: mini-batches from a seeded per-epoch shuffle (one native row gather per
 * epoch, then contiguous batch views), per-epoch loss and accuracy, optional validation and early stopping.
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
        ValidationSplit split = ValidationSplit.of(data, spec.getDouble("validationFraction"), spec.getInt("seed"));
        TrainingSet train = split.train();
        Standardizer standardizer = spec.getBoolean("standardize") ? Standardizer.fit(train.features()) : null;
        MultiLayerNetwork net = new MultiLayerNetwork(Dl4jNetworks.configuration(spec, data.shape(), data.numClasses()));
        net.init();
        Dl4jTrainedModel model = new Dl4jTrainedModel(spec, net, standardizer, data.shape(), data.numClasses());

        INDArray x = model.toMatrix(standardizer == null ? train.features() : standardizer.apply(train.features()));
        INDArray y = Nd4j.create(DataType.FLOAT, train.size(), 1);
        for (int i = 0; i < train.size(); i++) {
            y.putScalar(i, 0, train.labels()[i]);
        }
        int n = train.size();
        int batch = Math.min(spec.getInt("batchSize"), Math.max(1, n));
        int epochs = spec.getInt("epochs");
        EarlyStopping stopping = new EarlyStopping(NeuralNetSpec.patience(spec));
        if (stopping.enabled() && split.validation() == null) {
            throw new IllegalArgumentException("earlyStopping needs a validation set: set validationFraction above 0");
        }
        Random shuffle = new Random(spec.getInt("seed"));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        INDArray best = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lossSum = 0;
            int batches = 0;
            INDArray xs = Nd4j.pullRows(x, 1, order);
            INDArray ys = Nd4j.pullRows(y, 1, order);
            for (int start = 0; start < n; start += batch) {
                int end = Math.min(n, start + batch);
                net.fit(model.asNetworkInput(xs.get(NDArrayIndex.interval(start, end), NDArrayIndex.all())),
                        ys.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
                lossSum += net.score() * (end - start);
                batches += end - start;
            }
            float[][] trainProbs = model.predictProbabilities(train.features());
            double valLoss = Double.NaN;
            double valAcc = Double.NaN;
            if (split.validation() != null) {
                float[][] vp = model.predictProbabilities(split.validation().features());
                valLoss = ProbabilityMetrics.crossEntropy(vp, split.validation().labels());
                valAcc = ProbabilityMetrics.accuracy(vp, split.validation().labels());
            }
            listener.onEpoch(new EpochMetrics(epoch, epochs, lossSum / batches,
                    ProbabilityMetrics.accuracy(trainProbs, train.labels()), valLoss, valAcc));
            if (stopping.enabled()) {
                if (stopping.record(epoch, valLoss)) {
                    best = net.params().dup();
                }
                if (stopping.shouldStop()) {
                    break;
                }
            }
        }
        if (best != null) {
            net.setParams(best);
        }
        return model;
    }
}
