package dev.digits.features.mfcc;

import dev.digits.api.params.Parameters;

/**
 * The resolved settings of librosa's loading and mel-spectrogram stages, named as librosa names them.
 *
 * @param sr        target sample rate, or {@code null} for the clip's own rate ({@code sr: native})
 * @param fmax      top of the mel range in Hz, or {@code null} for {@code sr / 2}
 * @param winLength window length, or {@code null} for {@code nFft}
 * @param topDb     dynamic-range floor below the peak in dB, or {@code null} for none
 */
public record MelSpectrogramConfig(Integer sr, int nFft, int hopLength, Integer winLength, WindowFunction window,
                                   boolean center, String padMode, double power, int nMels, double fmin, Double fmax,
                                   boolean htk, boolean slaneyMelNorm, double ref, double amin, Double topDb) {

    /** Reads the settings from parameters declared by {@link LibrosaParameters}. */
    public static MelSpectrogramConfig from(Parameters p) {
        return new MelSpectrogramConfig(
                p.isWord("sr", "native") ? null : p.getInt("sr"),
                p.getInt("n_fft"),
                p.getInt("hop_length"),
                p.get("win_length") == null ? null : p.getInt("win_length"),
                WindowFunction.byId(p.getString("window")),
                p.getBoolean("center"),
                p.getString("pad_mode"),
                p.getDouble("power"),
                p.getInt("n_mels"),
                p.getDouble("fmin"),
                p.get("fmax") == null ? null : p.getDouble("fmax"),
                p.getBoolean("htk"),
                "slaney".equals(p.getString("mel_norm")),
                p.getDouble("ref"),
                p.getDouble("amin"),
                p.get("top_db") == null || p.isWord("top_db", "none") ? null : p.getDouble("top_db"));
    }

    public int effectiveWinLength() {
        return winLength == null ? nFft : winLength;
    }

    /** Checks the combinations that single-parameter validation cannot. */
    public void validate() {
        if (effectiveWinLength() > nFft) {
            throw new IllegalArgumentException("win_length (" + winLength + ") must not exceed n_fft (" + nFft + ")");
        }
        if (sr != null && fmax != null && fmax > sr / 2.0) {
            throw new IllegalArgumentException("fmax (" + fmax + ") must not exceed sr/2 (" + sr / 2.0 + ")");
        }
        if (fmax != null && fmax <= fmin) {
            throw new IllegalArgumentException("fmax (" + fmax + ") must be above fmin (" + fmin + ")");
        }
    }
}
