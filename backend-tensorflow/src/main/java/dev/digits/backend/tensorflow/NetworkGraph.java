package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.Standardizer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
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
 * What the trainer needs from a network graph: the input {@code x} (raw features, standardised inside the
 * graph), one-hot labels {@code y}, the {@code probabilities} output, the training loss and step, and its
 * trainable variables with assign ops (for keeping the best weights). Subclasses build the layers.
 */
abstract class NetworkGraph {
    final Graph graph = new Graph();
    final Ops tf = Ops.create(graph);
    final Placeholder<TFloat32> x;
    final Placeholder<TFloat32> y;
    final Random random;
    final List<Variable<TFloat32>> weights = new ArrayList<>();
    final List<Placeholder<TFloat32>> weightInputs = new ArrayList<>();
    final List<Op> weightAssigns = new ArrayList<>();
    Operand<TFloat32> loss;
    Op train;

    NetworkGraph(ModelSpec spec, int inputs, int classes) {
        x = tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
        y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
        random = new Random(spec.getInt("seed"));
    }

    /** The input after standardisation (constants fitted on the training set), if any. */
    Operand<TFloat32> standardized(Standardizer standardizer) {
        if (standardizer == null) {
            return x;
        }
        return tf.math.div(tf.math.sub(x, tf.constant(standardizer.mean())), tf.constant(standardizer.std()));
    }

    /** A trainable variable with its initial value, registered for snapshots. */
    Variable<TFloat32> variable(Operand<TFloat32> init, String name) {
        Variable<TFloat32> v = tf.withName(name).variable(init);
        Placeholder<TFloat32> input = tf.withName(name + "_in").placeholder(TFloat32.class);
        weights.add(v);
        weightInputs.add(input);
        weightAssigns.add(tf.assign(v, input));
        return v;
    }

    /**
     * Sets {@link #loss} and the optimiser step. The optimiser trains every variable that exists now, so
     * variables that must not be trained (batch-norm statistics) are created after this call.
     */
    void trainOn(ModelSpec spec, Operand<TFloat32> trainLogits) {
        loss = tf.withName("loss").math.mean(tf.nn.softmaxCrossEntropyWithLogits(trainLogits, y).loss(), tf.constant(0));
        train = TrainingStep.minimize(graph, tf, loss, spec.getString("optimizer"), (float) spec.getDouble("learningRate"));
    }

    /** Adds the {@code probabilities} output (an operation of that name) from the inference logits. */
    void predictWith(Operand<TFloat32> inferenceLogits) {
        tf.withName("probabilities").nn.softmax(inferenceLogits);
    }

    Operand<TFloat32> activation(String name, Operand<TFloat32> z) {
        return switch (name) {
            case "tanh" -> tf.math.tanh(z);
            case "sigmoid" -> tf.math.sigmoid(z);
            default -> tf.nn.relu(z);
        };
    }

    /** Keras' glorot_uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)), drawn from the seeded generator. */
    float[] glorotUniform(int count, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return w;
    }

    /** Work after training, before the model is used (population statistics for batch norm). */
    void afterTraining(Session session, float[][] trainingFeatures) {
    }

    /** Extra ops to run with each training step. */
    List<Op> trainTargets() {
        return List.of(train);
    }
}
