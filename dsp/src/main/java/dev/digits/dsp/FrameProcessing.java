package dev.digits.dsp;

import dev.digits.api.features.Features;

import dev.digits.api.params.ParameterSpec;
import dev.digits.api.params.Parameters;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a matrix extractor does to its {@code [coefficients x frames]} matrix before output, in this order:
 * append deltas (and delta-deltas) as extra rows, per-utterance {@link Cmvn}, pad or crop to a fixed frame count,
 * then {@link FramePooling}. Shared by every MFCC-like extractor through the same parameter names.
 *
 * @param deltas     0 (none), 1 (append deltas) or 2 (append deltas and delta-deltas)
 * @param deltaWidth the delta window in frames (odd, librosa's default 9)
 * @param cmvn       per-utterance normalisation
 * @param pooling    how the matrix becomes the output
 * @param frames     fixed frame count for {@code pooling: none} or {@code flatten} (0 keeps every frame)
 * @param stretch    reach {@code frames} by resampling the time axis rather than by centred padding or cropping
 */
public record FrameProcessing(int deltas, int deltaWidth, Cmvn cmvn, FramePooling pooling, int frames, boolean stretch) {

    public FrameProcessing {
        if (deltas < 0 || deltas > 2) {
            throw new IllegalArgumentException("deltas must be 0, 1 or 2, got " + deltas);
        }
        if (deltaWidth < 3 || deltaWidth % 2 == 0) {
            throw new IllegalArgumentException("delta_width must be odd and at least 3, got " + deltaWidth);
        }
        if (cmvn != Cmvn.NONE && pooling == FramePooling.MEAN) {
            throw new IllegalArgumentException("cmvn: " + cmvn.id() + " with pooling: mean gives all zeros (every row has "
                    + "mean 0 after normalisation); use pooling: none or mean-std, or cmvn: none");
        }
        if (pooling == FramePooling.FLATTEN && frames == 0) {
            throw new IllegalArgumentException("pooling: flatten needs frames: N, so every clip gives a vector of the same "
                    + "length");
        }
        if (cmvn == Cmvn.MEAN_VAR && pooling == FramePooling.MEAN_STD) {
            throw new IllegalArgumentException("cmvn: mean-var with pooling: mean-std gives constant features (mean 0, "
                    + "std 1); use pooling: none or cmvn: mean");
        }
    }

    /** The parameters {@code pooling}, {@code frames}, {@code frames_fit}, {@code deltas}, {@code delta_width}, {@code cmvn}. */
    public static List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.choice("pooling", "none", FramePooling.ids(),
                        "none: [coefficients x frames] matrix; mean: time average (the notebook's vector); mean-std"),
                ParameterSpec.integer("frames", 0, 0, 100000,
                        "give the matrix this many frames (see frames_fit); 0 keeps every frame"),
                ParameterSpec.choice("frames_fit", "pad", List.of("pad", "stretch"),
                        "pad: pad with silence or crop, centred; stretch: resample the time axis to fit"),
                ParameterSpec.integer("deltas", 0, 0, 2,
                        "append time derivatives as rows: 1 deltas, 2 deltas and delta-deltas (librosa.feature.delta)"),
                ParameterSpec.integer("delta_width", 9, 3, 101, "frames in the delta window (odd)"),
                ParameterSpec.choice("cmvn", "none", Cmvn.ids(),
                        "per-utterance normalisation of each row over time: none, mean, mean-var"));
    }

    /** Reads the parameters declared by {@link #parameters()}. */
    public static FrameProcessing from(Parameters p) {
        return new FrameProcessing(p.getInt("deltas"), p.getInt("delta_width"), Cmvn.byId(p.getString("cmvn")),
                FramePooling.byId(p.getString("pooling")), p.getInt("frames"), "stretch".equals(p.getString("frames_fit")));
    }

    /** Whether the matrix reaches the pooling unchanged (no deltas, no normalisation). */
    public boolean passesMatrixThrough() {
        return deltas == 0 && cmvn == Cmvn.NONE;
    }

    /** Rows of the processed matrix for {@code rows} input coefficients. */
    public int outputRows(int rows) {
        return rows * (1 + deltas);
    }

    /**
     * Processes a row-major {@code rows x cols} matrix.
     *
     * @param silence the column of a silent frame ({@code rows} values), used when padding to {@link #frames}
     */
    public Features apply(double[] matrix, int rows, int cols, Supplier<double[]> silence) {
        if (passesMatrixThrough()) {
            return fitAndPool(matrix, rows, cols, silence);
        }
        int outRows = outputRows(rows);
        double[] m = new double[outRows * cols];
        System.arraycopy(matrix, 0, m, 0, rows * cols);
        for (int d = 1; d <= deltas; d++) {
            double[] delta = Deltas.compute(matrix, rows, cols, deltaWidth, d);
            System.arraycopy(delta, 0, m, d * rows * cols, rows * cols);
        }
        double[][] stats = cmvn.statistics(m, outRows, cols);
        for (int r = 0; r < outRows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] = (m[r * cols + c] - stats[0][r]) / stats[1][r];
            }
        }
        return fitAndPool(m, outRows, cols, () -> {
            double[] s = silence.get();
            double[] column = new double[outRows];
            for (int r = 0; r < outRows; r++) {
                double v = r < rows ? s[r] : 0; // a silent stretch does not change: its derivatives are 0
                column[r] = (v - stats[0][r]) / stats[1][r];
            }
            return column;
        });
    }

    private Features fitAndPool(double[] m, int rows, int cols, Supplier<double[]> silence) {
        boolean fit = frames > 0 && frames != cols && (pooling == FramePooling.NONE || pooling == FramePooling.FLATTEN);
        if (!fit) {
            return pooling.apply(m, rows, cols);
        }
        double[] fitted = stretch ? FixedFrameCount.stretch(m, rows, cols, frames)
                : FixedFrameCount.apply(m, rows, cols, frames, silence.get());
        return pooling.apply(fitted, rows, frames);
    }
}
