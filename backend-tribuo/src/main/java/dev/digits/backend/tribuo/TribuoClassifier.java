package dev.digits.backend.tribuo;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.InputShape;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.Standardizer;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingListener;
import dev.digits.api.model.TrainingSet;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/** Trains one Tribuo model type on flattened feature vectors. */
final class TribuoClassifier implements Classifier {
    private final ModelSpec spec;

    TribuoClassifier(ModelSpec spec) {
        this.spec = spec;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public TrainedModel train(TrainingSet data, TrainingListener listener) {
        TribuoTrainedModel trained = fit(data, true);
        float[][] p = trained.predictProbabilities(data.features());
        listener.onEpoch(new EpochMetrics(1, 1, logLoss(p, data.labels()), accuracy(p, data.labels()), Double.NaN, Double.NaN));
        return trained;
    }

    /**
     * The SVM without probability estimates: LibSVM then trains each pair of classes once instead of six times
     * (five-fold cross-validation for Platt scaling, then the model); its probabilities are Tribuo's vote scores. The other types train as {@link #train} does. No epoch is reported.
     */
    @Override
    public TrainedModel trainForDecisions(TrainingSet data, TrainingListener listener) {
        return fit(data, false);
    }

    private TribuoTrainedModel fit(TrainingSet data, boolean probabilities) {
        InputShape.VECTOR.check("tribuo " + spec.type(), data.shape());
        Standardizer standardizer = spec.getBoolean("standardize") ? Standardizer.fit(data.features()) : null;
        float[][] x = standardizer == null ? data.features() : standardizer.apply(data.features());
        String[] names = TribuoTrainedModel.featureNames(data.width());
        LabelFactory factory = new LabelFactory();
        List<org.tribuo.Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            examples.add(new ArrayExample<>(new Label(Integer.toString(data.labels()[i])), names, toDouble(x[i])));
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("digits features", factory)));
        Model<Label> model = trainer(data.width(), probabilities).train(dataset);
        return new TribuoTrainedModel(spec, model, standardizer, data.shape(), data.numClasses());
    }

    static {
        // LibSVM prints its optimiser's progress to standard output; keep the program's output clean
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    private Trainer<Label> trainer(int width, boolean probabilities) {
        long seed = spec.getInt("seed");
        return switch (spec.type()) {
            case "logistic" -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(spec.getDouble("learningRate"), 0.1),
                    spec.getInt("epochs"), Integer.MAX_VALUE, spec.getInt("batchSize"), seed);
            case "svm" -> {
                SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                        KernelType.RBF);
                p.setCost(spec.getDouble("cost"));
                double gamma = spec.getDouble("gamma");
                p.setGamma(gamma > 0 ? gamma : 1.0 / width);
                if (probabilities) {
                    p.setProbability();
                }
                yield new LibSVMClassificationTrainer(p, seed);
            }
            case "xgboost" -> new XGBoostClassificationTrainer(spec.getInt("trees"), spec.getDouble("eta"), 0.0,
                    spec.getInt("maxDepth"), 1.0, spec.getDouble("subsample"), 1.0, 1.0, 0.0, 1, true, seed);
            case "forest" -> new RandomForestTrainer<>(new CARTClassificationTrainer(spec.getInt("maxDepth"),
                    (float) spec.getDouble("featureFraction"), seed), new VotingCombiner(), spec.getInt("trees"), seed);
            case "knn" -> new KNNTrainer<>(spec.getInt("k"), new L2Distance(), 1, new VotingCombiner(),
                    KNNModel.Backend.STREAMS, NeighboursQueryFactoryType.BRUTE_FORCE);
            default -> throw new IllegalStateException(spec.type());
        };
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double accuracy(float[][] p, int[] y) {
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            right += best == y[i] ? 1 : 0;
        }
        return right / (double) Math.max(1, y.length);
    }

    private static double logLoss(float[][] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum -= Math.log(Math.max(1e-7, p[i][y[i]]));
        }
        return sum / Math.max(1, y.length);
    }
}
