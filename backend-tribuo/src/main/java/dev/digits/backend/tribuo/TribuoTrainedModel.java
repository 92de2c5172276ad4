package dev.digits.backend.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.ModelFileHeader;
import dev.digits.training.Standardizer;
import dev.digits.api.model.TrainedModel;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

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
import java.util.Optional;

/**
 * A trained Tribuo model with its standardisation and spec. Saved as a small header followed by Tribuo's own
 * protobuf serialisation, which carries Tribuo's provenance (data, trainer and its settings, versions).
 */
final class TribuoTrainedModel implements TrainedModel {
    private static final int MAGIC = 0x44475442; // "DGTB"
    private static final int VERSION = 1;

    private final ModelSpec spec;
    private final Model<Label> model;
    private final Standardizer standardizer;
    private final int[] shape;
    private final int numClasses;
    private final String[] names;
    /** LibSVM RBF models predict through their dense support vectors (same numbers, faster); empty for others. */
    private final Optional<DenseRbfSvm> denseSvm;

    TribuoTrainedModel(ModelSpec spec, Model<Label> model, Standardizer standardizer, int[] shape, int numClasses) {
        this.spec = spec;
        this.model = model;
        this.standardizer = standardizer;
        this.shape = shape.clone();
        this.numClasses = numClasses;
        this.names = featureNames(ModelFileHeader.width(shape));
        this.denseSvm = DenseRbfSvm.of(model, names, numClasses);
    }

    static String[] featureNames(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = String.format("f%05d", i);
        }
        return names;
    }

    @Override
    public String backend() {
        return TribuoProvider.NAME;
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
    public float[][] predictProbabilities(float[][] batch) {
        ModelFileHeader.checkRows(batch, shape);
        float[][] x = standardizer == null ? batch : standardizer.apply(batch);
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] scores = denseSvm.isPresent() ? denseSvm.get().probabilities(TribuoClassifier.toDouble(x[i]))
                    : scores(x[i]);
            float[] probs = new float[numClasses];
            double sum = 0;
            for (int c = 0; c < numClasses; c++) {
                probs[c] = (float) Math.max(0, scores[c]);
                sum += probs[c];
            }
            for (int c = 0; c < numClasses; c++) {
                probs[c] /= (float) sum;
            }
            out[i] = probs;
        }
        return out;
    }

    /**
     * Tribuo's scores for one example, by class; for a model that gives no scores (or only zeros), 1 for the class
     * it predicts.
     */
    private double[] scores(float[] x) {
        Prediction<Label> p = model.predict(new ArrayExample<>(new Label("0"), names, TribuoClassifier.toDouble(x)));
        double[] scores = new double[numClasses];
        double sum = 0;
        for (Map.Entry<String, Label> e : p.getOutputScores().entrySet()) {
            int c = Integer.parseInt(e.getKey());
            scores[c] = Math.max(0, e.getValue().getScore());
            sum += scores[c];
        }
        if (sum <= 0) {
            scores[Integer.parseInt(p.getOutput().getLabel())] = 1;
        }
        return scores;
    }

    /** The Tribuo model inside. */
    Model<Label> tribuoModel() {
        return model;
    }

    /** Whether predictions go through {@link DenseRbfSvm}. */
    boolean usesDenseSvm() {
        return denseSvm.isPresent();
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("tribuo.version", org.tribuo.Tribuo.VERSION);
        p.put("tribuo.model", model.getClass().getName());
        p.put("tribuo.provenance", ProvenanceUtil.formattedProvenanceString(model.getProvenance()));
        return p;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        new ModelFileHeader(spec, shape, numClasses, standardizer).write(d, MAGIC, VERSION);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.serializeToStream(bytes);
        d.writeInt(bytes.size());
        bytes.writeTo(d);
        d.flush();
    }

    @SuppressWarnings("unchecked")
    static TribuoTrainedModel read(InputStream in, TribuoProvider provider) throws IOException {
        DataInputStream d = new DataInputStream(in);
        ModelFileHeader h = ModelFileHeader.read(d, MAGIC, VERSION, provider, "Tribuo model");
        byte[] bytes = new byte[d.readInt()];
        d.readFully(bytes);
        Model<?> model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        if (!model.validate(Label.class)) {
            throw new IOException("the stored Tribuo model is not a classification model");
        }
        return new TribuoTrainedModel(h.spec(), (Model<Label>) model, h.standardizer(), h.inputShape(), h.numClasses());
    }
}
