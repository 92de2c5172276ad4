package dev.digits.recognition.bundle;

import dev.digits.api.model.TrainingSet;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The features and labels a bundle's model was trained on ({@code training.bin}), kept so that
 * {@code digits adapt} can re-train the classifier with a user's clips added. Format: magic {@code DTRN},
 * version, examples, classes, shape, then every row's floats and every label, big-endian.
 */
final class TrainingExamples {
    private static final int MAGIC = 0x4454524E; // "DTRN"
    private static final int VERSION = 1;

    private TrainingExamples() {
    }

    static void write(TrainingSet data, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(data.size());
        d.writeInt(data.numClasses());
        d.writeInt(data.shape().length);
        for (int s : data.shape()) {
            d.writeInt(s);
        }
        for (float[] row : data.features()) {
            for (float v : row) {
                d.writeFloat(v);
            }
        }
        for (int label : data.labels()) {
            d.writeInt(label);
        }
        d.flush();
    }

    /** Reads training data of {@code length} bytes: the sizes its header declares must fit in them. */
    static TrainingSet read(InputStream in, long length) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC) {
            throw new IOException("training.bin is not training data");
        }
        int version = d.readInt();
        if (version != VERSION) {
            throw new IOException("training.bin has format version " + version + ", this build reads " + VERSION);
        }
        int n = d.readInt();
        int classes = d.readInt();
        int rank = d.readInt();
        if (rank < 1 || rank > 4) {
            throw new IOException("training.bin declares features of " + rank + " dimensions");
        }
        int[] shape = new int[rank];
        int width = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = d.readInt();
            width *= shape[i];
        }
        if (n < 0 || width <= 0 || (long) n * width > 200_000_000L) {
            throw new IOException("training.bin has an impossible size: " + n + " examples of " + width + " values");
        }
        long needed = 20L + 4L * shape.length + 4L * n * width + 4L * n;
        if (needed != length) {
            throw new IOException("training.bin declares " + n + " examples of " + width + " values (" + needed
                    + " bytes) but holds " + length + " bytes");
        }
        if (classes < 2 || classes > 1000) {
            throw new IOException("training.bin declares " + classes + " classes");
        }
        float[][] x = new float[n][width];
        for (float[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = d.readFloat();
            }
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = d.readInt();
            if (y[i] < 0 || y[i] >= classes) {
                throw new IOException("training.bin: example " + i + " has label " + y[i] + " of " + classes + " classes");
            }
        }
        return new TrainingSet(x, shape, y, classes);
    }
}
