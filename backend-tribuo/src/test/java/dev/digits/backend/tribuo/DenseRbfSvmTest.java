package dev.digits.backend.tribuo;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.tck.EasyProblem;
import dev.digits.training.ProbabilityMetrics;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.libsvm.LibSVMClassificationModel;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import libsvm.svm_model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dense SVM prediction gives LibSVM's own probabilities. */
class DenseRbfSvmTest {
    private static final int DIMS = 12;

    /** Ten overlapping classes, so probabilities are far from 0 and 1 and the coupling iterates. */
    private static double[][] points(int n, long seed, int[] labels) {
        Random r = new Random(seed);
        Random centres = new Random(99);
        double[][] centre = new double[10][DIMS];
        for (double[] c : centre) {
            for (int d = 0; d < DIMS; d++) {
                c[d] = centres.nextGaussian() * 0.8;
            }
        }
        double[][] x = new double[n][DIMS];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            for (int d = 0; d < DIMS; d++) {
                x[i][d] = centre[c][d] + r.nextGaussian();
            }
            if (labels != null) {
                labels[i] = c;
            }
        }
        return x;
    }

    @Test
    void probabilitiesAreLibSvmsToTheLastBit() {
        String[] names = TribuoTrainedModel.featureNames(DIMS);
        int[] y = new int[400];
        double[][] train = points(400, 1, y);
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < train.length; i++) {
            examples.add(new ArrayExample<>(new Label(Integer.toString(y[i])), names, train[i]));
        }
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                KernelType.RBF);
        p.setGamma(1.0 / DIMS);
        p.setProbability();
        Model<Label> model = new LibSVMClassificationTrainer(p, 1).train(new MutableDataset<>(
                new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("test", factory))));

        DenseRbfSvm dense = DenseRbfSvm.of(model, names, 10).orElseThrow();
        int differentFromArgmax = 0;
        for (double[] x : points(200, 2, null)) {
            Prediction<Label> expected = model.predict(new ArrayExample<>(new Label("0"), names, x));
            double[] got = dense.probabilities(x);
            double top = 0;
            for (Map.Entry<String, Label> e : expected.getOutputScores().entrySet()) {
                assertEquals(e.getValue().getScore(), got[Integer.parseInt(e.getKey())], 0.0, "class " + e.getKey());
                top = Math.max(top, e.getValue().getScore());
            }
            differentFromArgmax += top < 0.9 ? 1 : 0;
        }
        // the comparison covered uncertain answers, not only near-certain ones
        assertTrue(differentFromArgmax > 50, differentFromArgmax + " uncertain answers");
    }

    @Test
    void theSvmSpecPredictsThroughItAndKeepsItAfterSaving() throws Exception {
        TribuoProvider provider = new TribuoProvider();
        TrainingSet data = EasyProblem.vectors(10, 6, 1);
        TribuoTrainedModel svm = (TribuoTrainedModel) provider.create(provider.spec("svm", Map.of()))
                .train(data, m -> { });
        assertTrue(svm.usesDenseSvm());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        svm.save(bytes);
        TribuoTrainedModel read = TribuoTrainedModel.read(new ByteArrayInputStream(bytes.toByteArray()), provider);
        assertTrue(read.usesDenseSvm());
        float[][] a = svm.predictProbabilities(data.features());
        float[][] b = read.predictProbabilities(data.features());
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(a[i][c], b[i][c], 0f);
            }
        }
        TrainedModel logistic = provider.create(provider.spec("logistic", Map.of("epochs", 2))).train(data, m -> { });
        assertFalse(((TribuoTrainedModel) logistic).usesDenseSvm());
    }

    @Test
    void anSvmTrainedForDecisionsSkipsProbabilityEstimatesAndDecidesAlike() {
        TribuoProvider provider = new TribuoProvider();
        int[] y = new int[600];
        TrainingSet data = new TrainingSet(toFloat(points(600, 3, y)), new int[] {DIMS}, y, 10);
        Classifier svm = provider.create(provider.spec("svm", Map.of()));
        TribuoTrainedModel calibrated = (TribuoTrainedModel) svm.train(data, m -> { });
        TribuoTrainedModel forDecisions = (TribuoTrainedModel) svm.trainForDecisions(data, m -> { });
        assertNotNull(libsvm(calibrated).probA);
        assertNull(libsvm(forDecisions).probA);
        assertFalse(forDecisions.usesDenseSvm());

        int[] truth = new int[1000];
        float[][] test = toFloat(points(1000, 4, truth));
        float[][] pa = calibrated.predictProbabilities(test);
        float[][] pb = forDecisions.predictProbabilities(test);
        int agree = 0;
        int rightA = 0;
        int rightB = 0;
        for (int i = 0; i < truth.length; i++) {
            int a = ProbabilityMetrics.argmax(pa[i]);
            int b = ProbabilityMetrics.argmax(pb[i]);
            agree += a == b ? 1 : 0;
            rightA += a == truth[i] ? 1 : 0;
            rightB += b == truth[i] ? 1 : 0;
        }
        assertTrue(rightA > 500, "the calibrated SVM learnt the classes: " + rightA + "/1000");
        assertTrue(agree >= 950, "decisions agree on " + agree + "/1000");
        assertTrue(Math.abs(rightA - rightB) <= 30, rightA + " against " + rightB + " right of 1000");
    }

    private static svm_model libsvm(TribuoTrainedModel model) {
        return ((LibSVMClassificationModel) model.tribuoModel()).getInnerModels().get(0);
    }

    private static float[][] toFloat(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int d = 0; d < x[i].length; d++) {
                f[i][d] = (float) x[i][d];
            }
        }
        return f;
    }
}
