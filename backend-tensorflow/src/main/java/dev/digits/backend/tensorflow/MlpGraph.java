package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.Standardizer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The notebook's MLP as a TensorFlow graph: optional standardisation (constants fitted on the training set),
 * dense layers with Glorot-uniform weights (drawn from a seeded Java RNG, so a seed fixes them) and zero biases,
 * softmax output, mean cross-entropy on one-hot labels, and an Adam (or SGD) step.
 */
final class MlpGraph {
    final Graph graph = new Graph();
    final Placeholder<TFloat32> x;
    final Placeholder<TFloat32> y;
    final Operand<TFloat32> probabilities;
    final Operand<TFloat32> loss;
    final Op train;
    final List<Variable<TFloat32>> weights = new ArrayList<>();
    final List<Placeholder<TFloat32>> weightInputs = new ArrayList<>();
    final List<Op> weightAssigns = new ArrayList<>();

    MlpGraph(ModelSpec spec, int inputs, int classes, Standardizer standardizer) {
        Ops tf = Ops.create(graph);
        x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
        Operand<TFloat32> h = x;
        if (standardizer != null) {
            h = tf.math.div(tf.math.sub(h, tf.constant(standardizer.mean())), tf.constant(standardizer.std()));
        }
        Random random = new Random(spec.getInt("seed"));
        List<Integer> sizes = new ArrayList<>(spec.parameters().getIntList("hidden"));
        sizes.add(classes);
        int in = inputs;
        for (int layer = 0; layer < sizes.size(); layer++) {
            int out = sizes.get(layer);
            Variable<TFloat32> w = variable(tf, glorotUniform(in, out, random), "w" + layer);
            Variable<TFloat32> b = variable(tf, new float[out], "b" + layer);
            Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(h, w), b);
            h = layer == sizes.size() - 1 ? z : activation(tf, spec.getString("activation"), z);
            in = out;
        }
        probabilities = tf.withName("probabilities").nn.softmax(h);
        loss = tf.withName("loss").math.mean(tf.nn.softmaxCrossEntropyWithLogits(h, y).loss(), tf.constant(0));
        float lr = (float) spec.getDouble("learningRate");
        train = spec.getString("optimizer").equals("sgd") ? new GradientDescent(graph, lr).minimize(loss)
                : new Adam(graph, lr).minimize(loss);
    }

    private Variable<TFloat32> variable(Ops tf, Object init, String name) {
        Operand<TFloat32> value = init instanceof float[][] m ? tf.constant(m) : tf.constant((float[]) init);
        Variable<TFloat32> v = tf.withName(name).variable(value);
        Placeholder<TFloat32> input = tf.withName(name + "_in").placeholder(TFloat32.class);
        weights.add(v);
        weightInputs.add(input);
        weightAssigns.add(tf.assign(v, input));
        return v;
    }

    private static Operand<TFloat32> activation(Ops tf, String name, Operand<TFloat32> z) {
        return switch (name) {
            case "tanh" -> tf.math.tanh(z);
            case "sigmoid" -> tf.math.sigmoid(z);
            default -> tf.nn.relu(z);
        };
    }

    /** Keras' glorot_uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). */
    static float[][] glorotUniform(int in, int out, Random random) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[][] w = new float[in][out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                w[i][j] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        }
        return w;
    }
}
