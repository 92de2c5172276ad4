package dev.digits.features.mfcc;

import java.util.List;

/** Analysis windows, periodic ("fftbins=True") as librosa builds them with {@code scipy.signal.get_window}. */
public enum WindowFunction {
    HANN("hann"),
    HAMMING("hamming"),
    BOXCAR("boxcar");

    private final String id;

    WindowFunction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return List.of("hann", "hamming", "boxcar");
    }

    public static WindowFunction byId(String id) {
        for (WindowFunction w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown window '" + id + "'; known: " + ids());
    }

    /**
     * The window of {@code winLength} samples, zero-padded on both sides to {@code nFft} and centred, as
     * librosa's {@code stft} does when {@code win_length < n_fft}.
     */
    public double[] padded(int winLength, int nFft) {
        double[] w = new double[nFft];
        int offset = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++) {
            double phase = 2 * Math.PI * i / winLength;
            w[offset + i] = switch (this) {
                case HANN -> 0.5 - 0.5 * Math.cos(phase);
                case HAMMING -> 0.54 - 0.46 * Math.cos(phase);
                case BOXCAR -> 1.0;
            };
        }
        return w;
    }
}
