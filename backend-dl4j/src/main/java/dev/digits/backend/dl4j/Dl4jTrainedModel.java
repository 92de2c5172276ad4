package dev.digits.backend.dl4j;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.ModelFileHeader;
import dev.digits.training.Standardizer;
import dev.digits.api.model.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained DL4J network with its standardisation and spec. Saved as a small header followed by
 * Deeplearning4j's own model zip ({@link ModelSerializer}), which DL4J users can load directly.
 */
final class Dl4jTrainedModel implements TrainedModel {
    private static final int MAGIC = 0x4447444C; // "DGDL"
    private static final int VERSION = 1;

    private final ModelSpec spec;
    private final MultiLayerNetwork net;
    private final Standardizer standardizer;
    private final int[] shape;
    private final int numClasses;
    private final int width;

    Dl4jTrainedModel(ModelSpec spec, MultiLayerNetwork net, Standardizer standardizer, int[] shape, int numClasses) {
        this.spec = spec;
        this.net = net;
        this.standardizer = standardizer;
        this.shape = shape.clone();
        this.numClasses = numClasses;
        this.width = ModelFileHeader.width(shape);
    }

    @Override
    public String backend() {
        return Dl4jProvider.NAME;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public int[] inputShape() {
        return shape.clone();
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** Rows as the network's input: {@code [n, d]} for an MLP, {@code [n, 1, rows, cols]} for a CNN. */
    INDArray toInput(float[][] rows) {
        return asNetworkInput(toMatrix(rows));
    }

    /** A {@code [n, d]} matrix of flattened examples in the network's input layout. */
    INDArray asNetworkInput(INDArray flat) {
        return shape.length == 1 ? flat : flat.reshape('c', flat.rows(), 1, shape[0], shape[1]);
    }

    /** Rows as a {@code [n, d]} matrix. */
    INDArray toMatrix(float[][] rows) {
        ModelFileHeader.checkRows(rows, shape);
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return Nd4j.create(flat, new long[] {rows.length, width}, 'c');
    }

    @Override
    public synchronized float[][] predictProbabilities(float[][] batch) {
        ModelFileHeader.checkRows(batch, shape);
        if (batch.length == 0) {
            return new float[0][];
        }
        INDArray out = net.output(toInput(standardizer == null ? batch : standardizer.apply(batch)), false);
        // one bulk copy: a view per row costs a native shape buffer each, which dominated per-epoch evaluation
        return out.castTo(DataType.FLOAT).toFloatMatrix();
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("dl4j.version", "1.0.0-M2.1");
        p.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        p.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        p.put("parameters", Long.toString(net.numParams()));
        return p;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        new ModelFileHeader(spec, shape, numClasses, standardizer).write(d, MAGIC, VERSION);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, zip, false);
        d.writeInt(zip.size());
        zip.writeTo(d);
        d.flush();
    }

    static Dl4jTrainedModel read(InputStream in, Dl4jProvider provider) throws IOException {
        DataInputStream d = new DataInputStream(in);
        ModelFileHeader h = ModelFileHeader.read(d, MAGIC, VERSION, provider, "DL4J model");
        byte[] zip = new byte[d.readInt()];
        d.readFully(zip);
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false);
        return new Dl4jTrainedModel(h.spec(), net, h.standardizer(), h.inputShape(), h.numClasses());
    }
}
