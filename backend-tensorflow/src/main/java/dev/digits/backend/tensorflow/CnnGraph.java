package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.Standardizer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * The shared CNN spec on TensorFlow: conv k x k (same padding, Glorot-uniform) + batch norm + activation +
 * 2x2 max-pool blocks, global average pooling, an optional dense layer, dropout, dense softmax. Training uses
 * batch statistics; after training the batch-norm layers get the training set's population statistics,
 * stored in variables of the graph, so the exported SavedModel is complete.
 */
final class CnnGraph extends NetworkGraph {
    private static final float EPSILON = 1e-3f;
    private final List<Operand<TFloat32>> trainMeans = new ArrayList<>();
    private final List<Operand<TFloat32>> trainVariances = new ArrayList<>();
    private final List<Placeholder<TFloat32>> statInputs = new ArrayList<>();
    private final List<Op> statAssigns = new ArrayList<>();

    CnnGraph(ModelSpec spec, int rows, int cols, int classes, Standardizer standardizer) {
        super(spec, rows * cols, classes);
        String act = spec.getString("activation");
        int k = spec.getInt("kernel");
        Operand<TFloat32> input = tf.reshape(standardized(standardizer), tf.constant(new long[] {-1, rows, cols, 1}));
        Operand<TFloat32> trainH = input;
        List<Operand<TFloat32>> convW = new ArrayList<>();
        List<Operand<TFloat32>> gammas = new ArrayList<>();
        List<Operand<TFloat32>> betas = new ArrayList<>();
        int channels = 1;
        int block = 0;
        for (int f : spec.parameters().getIntList("filters")) {
            Operand<TFloat32> w = variable(tf.constant(Shape.of(k, k, channels, f),
                    DataBuffers.of(glorotUniform(k * k * channels * f, k * k * channels, k * k * f))), "conv" + block);
            float[] ones = new float[f];
            java.util.Arrays.fill(ones, 1f);
            Operand<TFloat32> gamma = variable(tf.constant(ones), "gamma" + block);
            Operand<TFloat32> beta = variable(tf.constant(new float[f]), "beta" + block);
            FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(conv(trainH, w), gamma, beta,
                    tf.constant(new float[0]), tf.constant(new float[0]), FusedBatchNorm.isTraining(true),
                    FusedBatchNorm.epsilon(EPSILON));
            trainMeans.add(bn.batchMean());
            trainVariances.add(bn.batchVariance());
            trainH = pool(activation(act, bn.y()));
            convW.add(w);
            gammas.add(gamma);
            betas.add(beta);
            channels = f;
            block++;
        }
        Operand<TFloat32> trainPooled = tf.math.mean(trainH, tf.constant(new int[] {1, 2}));
        int dense = spec.getInt("dense");
        Operand<TFloat32> denseW = null;
        Operand<TFloat32> denseB = null;
        int width = channels;
        if (dense > 0) {
            denseW = variable(tf.constant(Shape.of(channels, dense), DataBuffers.of(glorotUniform(channels * dense, channels, dense))), "dense");
            denseB = variable(tf.constant(new float[dense]), "dense_b");
            trainPooled = activation(act, tf.math.add(tf.linalg.matMul(trainPooled, denseW), denseB));
            width = dense;
        }
        double dropout = spec.getDouble("dropout");
        Operand<TFloat32> trainDropped = trainPooled;
        if (dropout > 0) {
            float keep = (float) (1 - dropout);
            Operand<TFloat32> u = tf.random.randomUniform(tf.shape(trainPooled), TFloat32.class,
                    RandomUniform.seed((long) spec.getInt("seed")), RandomUniform.seed2(17L));
            Operand<TFloat32> mask = tf.math.floor(tf.math.add(u, tf.constant(keep)));
            trainDropped = tf.math.div(tf.math.mul(trainPooled, mask), tf.constant(keep));
        }
        Operand<TFloat32> outW = variable(tf.constant(Shape.of(width, classes), DataBuffers.of(glorotUniform(width * classes, width, classes))), "out");
        Operand<TFloat32> outB = variable(tf.constant(new float[classes]), "out_b");
        Operand<TFloat32> trainLogits = tf.math.add(tf.linalg.matMul(trainDropped, outW), outB);
        trainOn(spec, trainLogits);

        // inference path: the same weights, batch norm with population statistics held in variables created
        // after the optimiser (so it does not try to train them); filled by afterTraining
        Operand<TFloat32> h = input;
        for (int b = 0; b < convW.size(); b++) {
            int f = (int) gammas.get(b).shape().get(0);
            float[] ones = new float[f];
            java.util.Arrays.fill(ones, 1f);
            Variable<TFloat32> mean = tf.withName("bn_mean" + b).variable(tf.constant(new float[f]));
            Variable<TFloat32> variance = tf.withName("bn_var" + b).variable(tf.constant(ones));
            Placeholder<TFloat32> meanIn = tf.placeholder(TFloat32.class);
            Placeholder<TFloat32> varIn = tf.placeholder(TFloat32.class);
            statInputs.add(meanIn);
            statInputs.add(varIn);
            statAssigns.add(tf.assign(mean, meanIn));
            statAssigns.add(tf.assign(variance, varIn));
            Operand<TFloat32> c = conv(h, convW.get(b));
            Operand<TFloat32> normalized = tf.math.add(tf.math.mul(tf.math.div(tf.math.sub(c, mean),
                    tf.math.sqrt(tf.math.add(variance, tf.constant(EPSILON)))), gammas.get(b)), betas.get(b));
            h = pool(activation(act, normalized));
        }
        Operand<TFloat32> pooled = tf.math.mean(h, tf.constant(new int[] {1, 2}));
        if (dense > 0) {
            pooled = activation(act, tf.math.add(tf.linalg.matMul(pooled, denseW), denseB));
        }
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(pooled, outW), outB);
        predictWith(logits);
    }

    private Operand<TFloat32> conv(Operand<TFloat32> in, Operand<TFloat32> w) {
        return tf.nn.conv2d(in, w, List.of(1L, 1L, 1L, 1L), "SAME");
    }

    private Operand<TFloat32> pool(Operand<TFloat32> in) {
        return tf.nn.maxPool(in, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME");
    }

    /** Batch-norm population statistics: the training-mode batch statistics over the whole training set. */
    @Override
    void afterTraining(Session session, float[][] features) {
        try (TFloat32 xt = Tensors.matrix(features, features[0].length)) {
            Session.Runner runner = session.runner().feed(x, xt);
            for (int b = 0; b < trainMeans.size(); b++) {
                runner.fetch(trainMeans.get(b)).fetch(trainVariances.get(b));
            }
            try (Result r = runner.run()) {
                Session.Runner assign = session.runner();
                for (int i = 0; i < statInputs.size(); i++) {
                    TFloat32 v = (TFloat32) r.get(i);
                    assign.feed(statInputs.get(i), v).addTarget(statAssigns.get(i));
                }
                assign.run().close();
            }
        }
    }
}
