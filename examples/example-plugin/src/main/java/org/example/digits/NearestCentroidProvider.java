package org.example.digits;

import dev.digits.api.model.Classifier;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.EpochMetrics;
import dev.digits.api.model.ModelSpec;
import dev.digits.training.ModelSpecText;
import dev.digits.training.ProbabilityMetrics;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.api.params.ParameterSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/**
 * Example backend {@code centroid}: model type {@code nearest-centroid} keeps the mean feature vector of each
 * class and scores a new example by softmax(-distance / temperature). Shows the whole backend contract:
 * spec parameters, training with a listener, probabilities for a batch, save and load.
 */
public final class NearestCentroidProvider implements ClassifierProvider {

    @Override
    public String name() {
        return "centroid";
    }

    @Override
    public String description() {
        return "example plugin: nearest class centroid";
    }

    @Override
    public Set<String> modelTypes() {
        return Set.of("nearest-centroid");
    }

    @Override
    public List<ParameterSpec> parameters(String modelType) {
        return List.of(ParameterSpec.number("temperature", 1.0, 1e-6, 1e6, "softness of the probabilities"),
                ParameterSpec.integer("seed", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "unused: the model is deterministic"));
    }

    @Override
    public Classifier create(ModelSpec spec) {
        return new Classifier() {
            @Override
            public ModelSpec spec() {
                return spec;
            }

            @Override
            public TrainedModel train(TrainingSet data, dev.digits.api.model.TrainingListener listener) {
                int d = data.width();
                float[][] centroids = new float[data.numClasses()][d];
                int[] counts = new int[data.numClasses()];
                for (int i = 0; i < data.size(); i++) {
                    counts[data.labels()[i]]++;
                    for (int j = 0; j < d; j++) {
                        centroids[data.labels()[i]][j] += data.features()[i][j];
                    }
                }
                for (int c = 0; c < centroids.length; c++) {
                    for (int j = 0; j < d; j++) {
                        centroids[c][j] /= Math.max(1, counts[c]);
                    }
                }
                Model model = new Model(spec, centroids, data.shape());
                float[][] p = model.predictProbabilities(data.features());
                listener.onEpoch(new EpochMetrics(1, 1, ProbabilityMetrics.crossEntropy(p, data.labels()),
                        ProbabilityMetrics.accuracy(p, data.labels()), Double.NaN, Double.NaN));
                return model;
            }
        };
    }

    @Override
    public TrainedModel load(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        ModelSpec spec = ModelSpecText.decode(this, d.readUTF());
        int[] shape = new int[d.readInt()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = d.readInt();
        }
        float[][] centroids = new float[d.readInt()][d.readInt()];
        for (float[] c : centroids) {
            for (int j = 0; j < c.length; j++) {
                c[j] = d.readFloat();
            }
        }
        return new Model(spec, centroids, shape);
    }

    private static final class Model implements TrainedModel {
        private final ModelSpec spec;
        private final float[][] centroids;
        private final int[] shape;

        Model(ModelSpec spec, float[][] centroids, int[] shape) {
            this.spec = spec;
            this.centroids = centroids;
            this.shape = shape;
        }

        @Override
        public String backend() {
            return "centroid";
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
            return centroids.length;
        }

        @Override
        public float[][] predictProbabilities(float[][] batch) {
            double temperature = spec.getDouble("temperature");
            float[][] out = new float[batch.length][];
            for (int i = 0; i < batch.length; i++) {
                if (batch[i].length != centroids[0].length) {
                    throw new IllegalArgumentException("example " + i + " has " + batch[i].length
                            + " values; this model takes " + centroids[0].length);
                }
                double[] score = new double[centroids.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < centroids.length; c++) {
                    double dist = 0;
                    for (int j = 0; j < batch[i].length; j++) {
                        double diff = batch[i][j] - centroids[c][j];
                        dist += diff * diff;
                    }
                    score[c] = -Math.sqrt(dist) / temperature;
                    max = Math.max(max, score[c]);
                }
                double sum = 0;
                for (int c = 0; c < score.length; c++) {
                    score[c] = Math.exp(score[c] - max);
                    sum += score[c];
                }
                out[i] = new float[centroids.length];
                for (int c = 0; c < score.length; c++) {
                    out[i][c] = (float) (score[c] / sum);
                }
            }
            return out;
        }

        @Override
        public void save(OutputStream out) throws IOException {
            DataOutputStream d = new DataOutputStream(out);
            d.writeUTF(ModelSpecText.encode(spec));
            d.writeInt(shape.length);
            for (int s : shape) {
                d.writeInt(s);
            }
            d.writeInt(centroids.length);
            d.writeInt(centroids[0].length);
            for (float[] c : centroids) {
                for (float v : c) {
                    d.writeFloat(v);
                }
            }
            d.flush();
        }
    }
}
