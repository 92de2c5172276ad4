package dev.digits.backend.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * One optimiser step over every trainable variable of a graph (Adam or plain gradient descent), with its ops
 * ordered so that the same seed trains the same model. Variables are updated in place, so two orders matter:
 * every update waits until all gradients are computed (back-propagation reads weights that other updates
 * change), and Adam's step count (the beta powers) advances only after every update has read it. TensorFlow
 * Java's own optimisers order neither, and which op ran first then depended on the executor's timing.
 */
final class TrainingStep {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private TrainingStep() {
    }

    /** The step that minimises {@code loss}: {@code optimizer} is {@code adam} or {@code sgd}. */
    static Op minimize(Graph graph, Ops tf, Operand<TFloat32> loss, String optimizer, float learningRate) {
        // the framework's optimiser only differentiates here: it finds the trainable variables and their gradients
        List<GradAndVar<?>> gradients = new GradientDescent(graph, learningRate).computeGradients(loss);
        List<Op> computed = new ArrayList<>();
        for (GradAndVar<?> g : gradients) {
            computed.add(tf.identity(g.getGradient()));
        }
        Ops afterGradients = tf.withControlDependencies(computed);
        Operand<TFloat32> rate = tf.constant(learningRate);
        List<Op> updates = new ArrayList<>();
        if (optimizer.equals("sgd")) {
            for (GradAndVar<?> g : gradients) {
                updates.add(afterGradients.train.applyGradientDescent(variable(g), rate, gradient(afterGradients, g)));
            }
            return tf.withControlDependencies(updates).withName("train").noOp();
        }
        Variable<TFloat32> beta1Power = tf.withName("adam_beta1_power").variable(tf.constant(BETA1));
        Variable<TFloat32> beta2Power = tf.withName("adam_beta2_power").variable(tf.constant(BETA2));
        Operand<TFloat32> beta1 = tf.constant(BETA1);
        Operand<TFloat32> beta2 = tf.constant(BETA2);
        Operand<TFloat32> epsilon = tf.constant(EPSILON);
        for (GradAndVar<?> g : gradients) {
            Output<TFloat32> v = variable(g);
            Variable<TFloat32> m1 = tf.variable(zeros(tf, v));
            Variable<TFloat32> m2 = tf.variable(zeros(tf, v));
            updates.add(afterGradients.train.applyAdam(v, m1, m2, beta1Power, beta2Power, rate, beta1, beta2, epsilon,
                    gradient(afterGradients, g)));
        }
        Ops afterUpdates = tf.withControlDependencies(updates);
        List<Op> all = new ArrayList<>(updates);
        all.add(afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1)));
        all.add(afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2)));
        return tf.withControlDependencies(all).withName("train").noOp();
    }

    @SuppressWarnings("unchecked")
    private static Output<TFloat32> variable(GradAndVar<?> g) {
        return (Output<TFloat32>) g.getVariable();
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> gradient(Ops afterGradients, GradAndVar<?> g) {
        return afterGradients.identity((Output<TFloat32>) g.getGradient());
    }

    private static Operand<TFloat32> zeros(Ops tf, Output<TFloat32> like) {
        return tf.fill(tf.constant(like.shape().asArray()), tf.constant(0f));
    }
}
