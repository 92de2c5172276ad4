package dev.digits.training;

import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The common start of a backend's saved model: a magic number and format version naming the backend's format,
 * then the spec, the input shape, the number of classes and the optional standardisation.
 *
 * @param standardizer {@code null} when features are not standardised
 */
public record ModelFileHeader(ModelSpec spec, int[] inputShape, int numClasses, Standardizer standardizer) {

    public void write(DataOutputStream out, int magic, int version) throws IOException {
        out.writeInt(magic);
        out.writeInt(version);
        out.writeUTF(ModelSpecText.encode(spec));
        out.writeInt(inputShape.length);
        for (int s : inputShape) {
            out.writeInt(s);
        }
        out.writeInt(numClasses);
        out.writeBoolean(standardizer != null);
        if (standardizer != null) {
            standardizer.write(out);
        }
    }

    /**
     * Reads a header written by {@link #write}, checking the magic number and version.
     *
     * @param what names the format in errors, such as "DL4J model"
     */
    public static ModelFileHeader read(DataInputStream in, int magic, int version, ClassifierProvider provider,
                                       String what) throws IOException {
        checkFormat(in, magic, version, what);
        ModelSpec spec = ModelSpecText.decode(provider, in.readUTF());
        int[] shape = new int[in.readInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = in.readInt();
        }
        int numClasses = in.readInt();
        Standardizer standardizer = in.readBoolean() ? Standardizer.read(in) : null;
        return new ModelFileHeader(spec, shape, numClasses, standardizer);
    }

    /**
     * Reads a saved format's magic number and version.
     *
     * @param what names the format in errors, such as "DL4J model"
     * @throws IOException if either differs from what this build writes
     */
    public static void checkFormat(DataInputStream in, int magic, int version, String what) throws IOException {
        if (in.readInt() != magic) {
            throw new IOException("not a digits " + what);
        }
        int v = in.readInt();
        if (v != version) {
            throw new IOException(what + " format version " + v + "; this build reads version " + version);
        }
    }

    /** The number of values in one example. */
    public int width() {
        return width(inputShape);
    }

    public static int width(int[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /** Rejects rows that are not {@code width} values long, naming both widths. */
    public static void checkRows(float[][] batch, int[] shape) {
        int width = width(shape);
        for (int i = 0; i < batch.length; i++) {
            if (batch[i].length != width) {
                throw new IllegalArgumentException("example " + i + " has " + batch[i].length + " values; this model takes "
                        + width + " (shape " + Arrays.toString(shape) + ")");
            }
        }
    }
}
