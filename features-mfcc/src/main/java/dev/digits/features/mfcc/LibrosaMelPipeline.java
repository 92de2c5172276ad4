package dev.digits.features.mfcc;

import dev.digits.api.audio.AudioClip;

import java.util.concurrent.ConcurrentHashMap;

/**
 * librosa's {@code load(sr=...)} + {@code feature.melspectrogram} + {@code power_to_db}: resampling, a
 * centred short-time Fourier transform, a power spectrum, a mel filter bank and decibels. Filter banks are
 * built once per sample rate and reused (librosa rebuilds them on every call). Thread-safe.
 */
public final class LibrosaMelPipeline {
    private final MelSpectrogramConfig config;
    private final double[] window;
    private final ConcurrentHashMap<Integer, MelFilterBank> filterBanks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, BandLimitedResampler> resamplers = new ConcurrentHashMap<>();

    public LibrosaMelPipeline(MelSpectrogramConfig config) {
        config.validate();
        this.config = config;
        this.window = config.window().padded(config.effectiveWinLength(), config.nFft());
        if (config.sr() != null) {
            filterBank(config.sr());
        }
    }

    public MelSpectrogramConfig config() {
        return config;
    }

    /** A log-mel spectrogram in dB. */
    public record DbMel(double[] values, int nMels, int frames, int sampleRate, double floorDb) {
    }

    /** The clip's samples at the configured rate (a copy-free pass-through when no resampling is needed). */
    public float[] load(AudioClip clip) {
        Integer sr = config.sr();
        if (sr == null || sr == clip.sampleRate()) {
            return clip.samples();
        }
        return resamplers.computeIfAbsent(clip.sampleRate(), from -> new BandLimitedResampler(from, sr))
                .resample(clip.samples());
    }

    public int sampleRateFor(AudioClip clip) {
        return config.sr() == null ? clip.sampleRate() : config.sr();
    }

    /** Mel power spectrogram ({@code [nMels x frames]}, row-major) of a clip, before decibels. */
    public double[] melPower(float[] y, int sr, int[] framesOut) {
        int nFft = config.nFft();
        int hop = config.hopLength();
        double[] padded = pad(y);
        if (padded.length < nFft) {
            throw new IllegalArgumentException("clip of " + y.length + " samples is shorter than n_fft=" + nFft
                    + " and center=false");
        }
        int frames = 1 + (padded.length - nFft) / hop;
        framesOut[0] = frames;
        MelFilterBank bank = filterBank(sr);
        int nMels = bank.size();
        double[] mel = new double[nMels * frames];
        double[] frame = new double[nFft];
        double[] spectrum = new double[nFft / 2 + 1];
        double power = config.power();
        for (int t = 0; t < frames; t++) {
            int offset = t * hop;
            for (int i = 0; i < nFft; i++) {
                frame[i] = padded[offset + i] * window[i];
            }
            FftPlans.of(nFft).realForward(frame);
            spectrum[0] = magnitudePower(frame[0], 0, power);
            spectrum[nFft / 2] = magnitudePower(frame[1], 0, power);
            for (int k = 1; k < nFft / 2; k++) {
                spectrum[k] = magnitudePower(frame[2 * k], frame[2 * k + 1], power);
            }
            bank.apply(spectrum, mel, t, frames);
        }
        return mel;
    }

    private static double magnitudePower(double re, double im, double power) {
        double p2 = re * re + im * im;
        return power == 2.0 ? p2 : power == 1.0 ? Math.sqrt(p2) : Math.pow(p2, power / 2);
    }

    /** The clip's log-mel spectrogram in dB ({@code power_to_db} with the configured ref, amin, top_db). */
    public DbMel dbMel(AudioClip clip) {
        int sr = sampleRateFor(clip);
        int[] frames = new int[1];
        double[] mel = melPower(load(clip), sr, frames);
        double refDb = 10 * Math.log10(Math.max(config.amin(), config.ref()));
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < mel.length; i++) {
            double db = 10 * Math.log10(Math.max(config.amin(), mel[i])) - refDb;
            mel[i] = db;
            max = Math.max(max, db);
            min = Math.min(min, db);
        }
        double floor = min;
        if (config.topDb() != null) {
            floor = Math.max(min, max - config.topDb());
            double f = max - config.topDb();
            for (int i = 0; i < mel.length; i++) {
                if (mel[i] < f) {
                    mel[i] = f;
                }
            }
        }
        return new DbMel(mel, mel.length / frames[0], frames[0], sr, floor);
    }

    private MelFilterBank filterBank(int sr) {
        return filterBanks.computeIfAbsent(sr, rate -> {
            double fmax = config.fmax() == null ? rate / 2.0 : config.fmax();
            return new MelFilterBank(rate, config.nFft(), config.nMels(), config.fmin(), fmax, config.htk(),
                    config.slaneyMelNorm());
        });
    }

    private double[] pad(float[] y) {
        if (!config.center()) {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = y[i];
            }
            return out;
        }
        int p = config.nFft() / 2;
        double[] out = new double[y.length + 2 * p];
        for (int i = 0; i < y.length; i++) {
            out[p + i] = y[i];
        }
        String mode = config.padMode();
        if (!mode.equals("constant") && y.length > 0) {
            for (int i = 0; i < p; i++) {
                out[p - 1 - i] = y[sourceIndex(-1 - i, y.length, mode)];
                out[p + y.length + i] = y[sourceIndex(y.length + i, y.length, mode)];
            }
        }
        return out;
    }

    /** numpy.pad index mapping for positions outside [0, n). */
    private static int sourceIndex(int i, int n, String mode) {
        if (mode.equals("edge")) {
            return i < 0 ? 0 : n - 1;
        }
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1); // reflect: mirror without repeating the edge sample
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }
}
