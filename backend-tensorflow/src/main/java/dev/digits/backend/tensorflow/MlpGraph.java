package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.Standardizer;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebook's MLP: dense layers with Glorot-uniform weights and zero biases, softmax output, mean
 * cross-entropy on one-hot labels, Adam (or SGD).
 */
final class MlpGraph extends NetworkGraph {

    MlpGraph(ModelSpec spec, int inputs, int classes, Standardizer standardizer) {
        super(spec, inputs, classes);
        Operand<TFloat32> h = standardized(standardizer);
        List<Integer> sizes = new ArrayList<>(spec.parameters().getIntList("hidden"));
        sizes.add(classes);
        int in = inputs;
        for (int layer = 0; layer < sizes.size(); layer++) {
            int out = sizes.get(layer);
            Operand<TFloat32> w = variable(tf.constant(Shape.of(in, out), DataBuffers.of(glorotUniform(in * out, in, out))), "w" + layer);
            Operand<TFloat32> b = variable(tf.constant(new float[out]), "b" + layer);
            Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(h, w), b);
            h = layer == sizes.size() - 1 ? z : activation(spec.getString("activation"), z);
            in = out;
        }
        trainOn(spec, h);
        predictWith(h);
    }
}
