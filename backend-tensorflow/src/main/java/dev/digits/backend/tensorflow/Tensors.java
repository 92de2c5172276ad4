package dev.digits.backend.tensorflow;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Conversions between Java arrays and TensorFlow float tensors (the caller closes the tensors). */
final class Tensors {
    private Tensors() {
    }

    static TFloat32 matrix(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return TFloat32.tensorOf(Shape.of(rows.length, width), DataBuffers.of(flat, true, false));
    }

    static TFloat32 oneHot(int[] labels, int classes) {
        float[] flat = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            flat[i * classes + labels[i]] = 1f;
        }
        return TFloat32.tensorOf(Shape.of(labels.length, classes), DataBuffers.of(flat, true, false));
    }

    static float[][] rows(TFloat32 t) {
        int n = (int) t.shape().get(0);
        int c = (int) t.shape().get(1);
        float[] flat = new float[n * c];
        t.copyTo(DataBuffers.of(flat, false, false));
        float[][] out = new float[n][c];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }

    static float[] flat(TFloat32 t) {
        float[] flat = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(flat, false, false));
        return flat;
    }
}
