package dev.digits.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Per-feature mean and standard deviation, fitted on training data only and stored with the model, so that
 * prediction applies exactly the training-time scaling. A feature with zero variance keeps scale 1.
 */
public final class Standardizer {
    private final float[] mean;
    private final float[] std;

    private Standardizer(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    public static Standardizer fit(float[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        double[] sum = new double[d];
        double[] sq = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                sum[j] += r[j];
            }
        }
        float[] mean = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = (float) (sum[j] / Math.max(1, rows.length));
        }
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                double x = r[j] - mean[j];
                sq[j] += x * x;
            }
        }
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(sq[j] / Math.max(1, rows.length));
            std[j] = s > 1e-8 ? (float) s : 1f;
        }
        return new Standardizer(mean, std);
    }

    /** A scaled copy of the rows. */
    public float[][] apply(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            if (r.length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + r.length + " values, the standardizer was fitted on "
                        + mean.length);
            }
            float[] o = new float[r.length];
            for (int j = 0; j < r.length; j++) {
                o[j] = (r[j] - mean[j]) / std[j];
            }
            out[i] = o;
        }
        return out;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(mean.length);
        for (int j = 0; j < mean.length; j++) {
            out.writeFloat(mean[j]);
            out.writeFloat(std[j]);
        }
    }

    public static Standardizer read(DataInputStream in) throws IOException {
        int d = in.readInt();
        if (d < 0 || d > 10_000_000) {
            throw new IOException("corrupt standardizer: " + d + " features");
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readFloat();
            std[j] = in.readFloat();
        }
        return new Standardizer(mean, std);
    }
}
