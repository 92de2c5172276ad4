package dev.digits.backend.tensorflow;

import dev.digits.api.model.ModelSpec;
import dev.digits.training.ModelFileHeader;
import dev.digits.api.model.TrainedModel;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.TensorFlow;
import org.tensorflow.types.TFloat32;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained TensorFlow MLP. Saved as a small header followed by a zip of a TensorFlow SavedModel (tag
 * {@code serve}, signature {@code serving_default}: input {@code x} of raw features, output
 * {@code probabilities}; standardisation is inside the graph), which TensorFlow users can load anywhere.
 */
final class TensorFlowTrainedModel implements TrainedModel {
    private static final int MAGIC = 0x44475446; // "DGTF"
    private static final int VERSION = 2; // 2: the shared ModelFileHeader

    private final ModelSpec spec;
    private final Graph graph;
    private final Session session;
    private final int[] shape;
    private final int numClasses;
    private final int width;
    private final boolean standardized;

    TensorFlowTrainedModel(ModelSpec spec, Graph graph, Session session, int[] shape, int numClasses, boolean standardized) {
        this.spec = spec;
        this.graph = graph;
        this.session = session;
        this.shape = shape.clone();
        this.numClasses = numClasses;
        this.width = ModelFileHeader.width(shape);
        this.standardized = standardized;
    }

    @Override
    public String backend() {
        return TensorFlowProvider.NAME;
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

    @Override
    public synchronized float[][] predictProbabilities(float[][] batch) {
        ModelFileHeader.checkRows(batch, shape);
        if (batch.length == 0) {
            return new float[0][];
        }
        try (TFloat32 x = Tensors.matrix(batch, width);
             Result r = session.runner().feed("x", x).fetch("probabilities").run()) {
            return Tensors.rows((TFloat32) r.get(0));
        }
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tensorflow.java", "1.1.0");
        p.put("tensorflow.native", TensorFlow.version());
        p.put("threads", "1 intra-op, 1 inter-op");
        p.put("standardizationInGraph", Boolean.toString(standardized));
        return p;
    }

    @Override
    public synchronized void save(OutputStream out) throws IOException {
        Path dir = Files.createTempDirectory("digits-savedmodel-");
        try {
            Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                    .input("x", graph.operation("x").output(0))
                    .output("probabilities", graph.operation("probabilities").output(0)).build();
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
            DataOutputStream d = new DataOutputStream(out);
            // standardisation lives inside the TensorFlow graph, so the header carries none
            new ModelFileHeader(spec, shape, numClasses, null).write(d, MAGIC, VERSION);
            d.writeBoolean(standardized);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            zipFolder(dir, zip);
            d.writeInt(zip.size());
            zip.writeTo(d);
            d.flush();
        } finally {
            deleteTree(dir);
        }
    }

    static TensorFlowTrainedModel read(InputStream in, TensorFlowProvider provider) throws IOException {
        DataInputStream d = new DataInputStream(in);
        ModelFileHeader h = ModelFileHeader.read(d, MAGIC, VERSION, provider, "TensorFlow model");
        boolean standardized = d.readBoolean();
        byte[] zip = new byte[d.readInt()];
        d.readFully(zip);
        Path dir = Files.createTempDirectory("digits-savedmodel-");
        try {
            unzip(zip, dir);
            SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                    .withConfigProto(org.tensorflow.proto.ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
                            .setInterOpParallelismThreads(1).build()).load();
            return new TensorFlowTrainedModel(h.spec(), bundle.graph(), bundle.session(), h.inputShape(), h.numClasses(),
                    standardized);
        } finally {
            deleteTree(dir);
        }
    }

    private static void zipFolder(Path dir, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    private static void unzip(byte[] bytes, Path dir) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("bad entry in saved model: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
