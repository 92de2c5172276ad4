package dev.digits.backend.tribuo;

import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationModel;

import java.util.Optional;

/**
 * Class probabilities of a trained LibSVM RBF classifier with probability estimates, computed from its support
 * vectors held as dense rows: the same arithmetic as LibSVM's own prediction (RBF kernel values, one-against-one
 * decision values, Platt's sigmoids, then the pairwise coupling of Wu, Lin and Weng), in the same order, so the
 * same numbers, without turning every input into an array of sparse nodes. Prediction is most of the classifier's
 * share of a recognition; this makes it several times faster.
 */
final class DenseRbfSvm {
    private static final double MIN_PROBABILITY = 1e-7;

    private final double gamma;
    private final double[][] supportVectors;
    private final double[][] coefficients;
    private final double[] rho;
    private final double[] probA;
    private final double[] probB;
    private final int[] start;
    private final int[] count;
    /** Column of our feature vector for each of LibSVM's feature ids. */
    private final int[] columnOfId;
    /** Our class index for each of LibSVM's classes. */
    private final int[] classOf;

    private DenseRbfSvm(svm_model m, int[] columnOfId, int[] classOf) {
        this.gamma = m.param.gamma;
        this.columnOfId = columnOfId;
        this.classOf = classOf;
        this.supportVectors = new double[m.l][columnOfId.length];
        for (int i = 0; i < m.l; i++) {
            for (svm_node n : m.SV[i]) {
                supportVectors[i][n.index] = n.value;
            }
        }
        this.coefficients = m.sv_coef;
        this.rho = m.rho;
        this.probA = m.probA;
        this.probB = m.probB;
        this.count = m.nSV.clone();
        this.start = new int[m.nr_class];
        for (int c = 1; c < m.nr_class; c++) {
            start[c] = start[c - 1] + count[c - 1];
        }
    }

    /**
     * The fast path for {@code model}, when it is a LibSVM C-SVC with an RBF kernel and probability estimates over
     * exactly the features {@code names} (in that order) and the classes "0" ... "numClasses - 1".
     */
    static Optional<DenseRbfSvm> of(Object model, String[] names, int numClasses) {
        if (!(model instanceof LibSVMClassificationModel svm) || svm.getInnerModels().size() != 1) {
            return Optional.empty();
        }
        svm_model m = svm.getInnerModels().get(0);
        if (m.param.svm_type != svm_parameter.C_SVC || m.param.kernel_type != svm_parameter.RBF
                || m.probA == null || m.probB == null || m.nr_class != numClasses) {
            return Optional.empty();
        }
        ImmutableFeatureMap features = svm.getFeatureIDMap();
        if (features.size() != names.length) {
            return Optional.empty();
        }
        int[] columnOfId = new int[names.length];
        for (int column = 0; column < names.length; column++) {
            int id = features.getID(names[column]);
            if (id < 0 || id >= names.length) {
                return Optional.empty();
            }
            columnOfId[id] = column;
        }
        for (int i = 0; i < m.l; i++) {
            for (svm_node n : m.SV[i]) {
                if (n.index < 0 || n.index >= names.length) {
                    return Optional.empty();
                }
            }
        }
        ImmutableOutputInfo<Label> outputs = svm.getOutputIDInfo();
        int[] classOf = new int[m.nr_class];
        for (int c = 0; c < m.nr_class; c++) {
            try {
                classOf[c] = Integer.parseInt(outputs.getOutput(m.label[c]).getLabel());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (classOf[c] < 0 || classOf[c] >= numClasses) {
                return Optional.empty();
            }
        }
        return Optional.of(new DenseRbfSvm(m, columnOfId, classOf));
    }

    /** Probabilities of our classes 0 ... numClasses - 1 for one (standardised) feature vector. */
    double[] probabilities(double[] features) {
        int width = columnOfId.length;
        double[] x = new double[width];
        for (int id = 0; id < width; id++) {
            x[id] = features[columnOfId[id]];
        }
        double[] kernel = kernelValues(x);
        int classes = start.length;
        double[][] pairwise = new double[classes][classes];
        int pair = 0;
        for (int i = 0; i < classes; i++) {
            for (int j = i + 1; j < classes; j++) {
                double decision = 0;
                for (int k = 0; k < count[i]; k++) {
                    decision += coefficients[j - 1][start[i] + k] * kernel[start[i] + k];
                }
                for (int k = 0; k < count[j]; k++) {
                    decision += coefficients[i][start[j] + k] * kernel[start[j] + k];
                }
                decision -= rho[pair];
                double p = Math.min(Math.max(sigmoid(decision, probA[pair], probB[pair]), MIN_PROBABILITY),
                        1 - MIN_PROBABILITY);
                pairwise[i][j] = p;
                pairwise[j][i] = 1 - p;
                pair++;
            }
        }
        double[] libsvmOrder = classes == 2 ? new double[] {pairwise[0][1], pairwise[1][0]} : couple(pairwise);
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[classOf[c]] = libsvmOrder[c];
        }
        return out;
    }

    /** exp(-gamma |x - sv|^2) for every support vector, each sum taken over the features in LibSVM's order. */
    private double[] kernelValues(double[] x) {
        int width = x.length;
        double[] kernel = new double[supportVectors.length];
        int i = 0;
        // four support vectors at a time: four independent sums the processor overlaps, each in LibSVM's order
        for (; i + 3 < kernel.length; i += 4) {
            double[] a = supportVectors[i];
            double[] b = supportVectors[i + 1];
            double[] c = supportVectors[i + 2];
            double[] e = supportVectors[i + 3];
            double sa = 0;
            double sb = 0;
            double sc = 0;
            double se = 0;
            for (int d = 0; d < width; d++) {
                double xd = x[d];
                double da = xd - a[d];
                double db = xd - b[d];
                double dc = xd - c[d];
                double de = xd - e[d];
                sa += da * da;
                sb += db * db;
                sc += dc * dc;
                se += de * de;
            }
            kernel[i] = Math.exp(-gamma * sa);
            kernel[i + 1] = Math.exp(-gamma * sb);
            kernel[i + 2] = Math.exp(-gamma * sc);
            kernel[i + 3] = Math.exp(-gamma * se);
        }
        for (; i < kernel.length; i++) {
            double[] sv = supportVectors[i];
            double sum = 0;
            for (int d = 0; d < width; d++) {
                double diff = x[d] - sv[d];
                sum += diff * diff;
            }
            kernel[i] = Math.exp(-gamma * sum);
        }
        return kernel;
    }

    /** Platt's sigmoid 1 / (1 + exp(a * decision + b)), written to avoid cancellation. */
    private static double sigmoid(double decision, double a, double b) {
        double z = decision * a + b;
        return z >= 0 ? Math.exp(-z) / (1.0 + Math.exp(-z)) : 1.0 / (1 + Math.exp(z));
    }

    /**
     * Class probabilities from pairwise ones: method 2 of Wu, Lin and Weng (2004), "Probability estimates for
     * multi-class classification by pairwise coupling", iterated as LibSVM does.
     */
    private static double[] couple(double[][] r) {
        int k = r.length;
        double[][] q = new double[k][k];
        double[] qp = new double[k];
        double[] p = new double[k];
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            q[t][t] = 0;
            for (int j = 0; j < t; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = q[j][t];
            }
            for (int j = t + 1; j < k; j++) {
                q[t][t] += r[j][t] * r[j][t];
                q[t][j] = -r[j][t] * r[t][j];
            }
        }
        double eps = 0.005 / k;
        for (int iteration = 0; iteration < Math.max(100, k); iteration++) {
            double pqp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += q[t][j] * p[j];
                }
                pqp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                maxError = Math.max(maxError, Math.abs(qp[t] - pqp));
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pqp) / q[t][t];
                p[t] += diff;
                pqp = (pqp + diff * (diff * q[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * q[t][j]) / (1 + diff);
                    p[j] /= 1 + diff;
                }
            }
        }
        return p;
    }
}
