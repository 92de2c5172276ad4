package dev.digits.dsp;

/**
 * Time derivatives of a {@code [coefficients x frames]} matrix as {@code librosa.feature.delta(data, width,
 * order, mode='interp')} computes them: a Savitzky-Golay filter of polynomial order {@code order} over
 * {@code width} frames, the first and last {@code width / 2} frames taken from the polynomial fitted to the
 * first and last window. librosa refuses clips shorter than {@code width} frames; here the window shrinks to
 * the largest odd width that fits, and a clip too short for any fit gets zeros.
 */
public final class Deltas {
    private Deltas() {
    }

    /**
     * @param matrix row-major {@code rows x cols}
     * @param width  odd window length, at least 3 (librosa's default is 9)
     * @param order  1 for deltas, 2 for delta-deltas
     * @return the {@code order}-th derivative, row-major {@code rows x cols}
     */
    public static double[] compute(double[] matrix, int rows, int cols, int width, int order) {
        if (width < 3 || width % 2 == 0) {
            throw new IllegalArgumentException("delta width must be odd and at least 3, got " + width);
        }
        if (order < 1) {
            throw new IllegalArgumentException("delta order must be at least 1, got " + order);
        }
        double[] out = new double[rows * cols];
        int w = Math.min(width, cols % 2 != 0 ? cols : cols - 1);
        if (w <= order) {
            return out;
        }
        int half = w / 2;
        double[] interior = weights(w, order, half);
        double[][] head = new double[half][];
        double[][] tail = new double[half][];
        for (int i = 0; i < half; i++) {
            head[i] = weights(w, order, i);
            tail[i] = weights(w, order, w - half + i);
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int t = 0; t < cols; t++) {
                double[] k;
                int start;
                if (t < half) {
                    k = head[t];
                    start = 0;
                } else if (t >= cols - half) {
                    k = tail[t - (cols - half)];
                    start = cols - w;
                } else {
                    k = interior;
                    start = t - half;
                }
                double sum = 0;
                for (int i = 0; i < w; i++) {
                    sum += k[i] * matrix[base + start + i];
                }
                out[base + t] = sum;
            }
        }
        return out;
    }

    /**
     * Weights {@code k} such that {@code sum(k[i] * x[i])} is the {@code order}-th derivative, at position
     * {@code pos}, of the degree-{@code order} polynomial least-squares fitted to {@code x[0..w-1]}.
     */
    static double[] weights(int w, int order, int pos) {
        int n = order + 1;
        double center = (w - 1) / 2.0;
        double[][] a = new double[w][n];
        for (int i = 0; i < w; i++) {
            double p = 1;
            for (int j = 0; j < n; j++) {
                a[i][j] = p;
                p *= i - center;
            }
        }
        // e[j] = d^order/du^order of u^j at u = pos - center
        double u = pos - center;
        double[] e = new double[n];
        for (int j = order; j < n; j++) {
            double f = 1;
            for (int m = 0; m < order; m++) {
                f *= j - m;
            }
            e[j] = f * Math.pow(u, j - order);
        }
        double[][] g = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int i = 0; i < w; i++) {
                    s += a[i][r] * a[i][c];
                }
                g[r][c] = s;
            }
            g[r][n] = e[r];
        }
        double[] z = solve(g, n);
        double[] k = new double[w];
        for (int i = 0; i < w; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * z[j];
            }
            k[i] = s;
        }
        return k;
    }

    /** Gauss-Jordan elimination with partial pivoting on an augmented {@code n x (n+1)} system. */
    private static double[] solve(double[][] g, int n) {
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(g[r][col]) > Math.abs(g[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = g[col];
            g[col] = g[pivot];
            g[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = g[r][col] / g[col][col];
                    for (int c = col; c <= n; c++) {
                        g[r][c] -= f * g[col][c];
                    }
                }
            }
        }
        double[] z = new double[n];
        for (int r = 0; r < n; r++) {
            z[r] = g[r][n] / g[r][r];
        }
        return z;
    }
}
