package dev.digits.features.mfcc;

import dev.digits.api.audio.AudioClip;

import java.util.concurrent.ConcurrentHashMap;

/**
 * librosa's {@code load(sr=...)} + {@code feature.melspectrogram} + {@code power_to_db}: resampling, a
 * centred short-time Fourier transform, a power spectrum, a mel filter bank and decibels. Filter banks are
 * built once per sample rate and reused (librosa rebuilds them on every call). Thread-safe.
 *
 * <p>A clip upsampled to more than twice its band (FSDD's 8 kHz to 22050 Hz) takes a shortcut with the same
 * numbers: it is resampled to every second sample only, and each frame inside the clip is transformed at half
 * the length ({@link HalfRateClip}).
 */
public final class LibrosaMelPipeline {
    /** Highest source rate, as a fraction of the configured rate, for the half-rate path. */
    static final double HALF_RATE_MAX_RATIO = 0.4;

    private final MelSpectrogramConfig config;
    private final double[] window;
    private final double[] halfRateWindow;
    private final boolean halfRate;
    private final ConcurrentHashMap<Integer, MelFilterBank> filterBanks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, BandLimitedResampler> resamplers = new ConcurrentHashMap<>();

    public LibrosaMelPipeline(MelSpectrogramConfig config) {
        this(config, true);
    }

    /** With {@code halfRate} false, every clip takes the full-rate path (for tests of the shortcut). */
    LibrosaMelPipeline(MelSpectrogramConfig config, boolean halfRate) {
        config.validate();
        this.config = config;
        this.halfRate = halfRate;
        this.window = config.window().padded(config.effectiveWinLength(), config.nFft());
        this.halfRateWindow = new double[config.nFft() / 2];
        for (int i = 0; i < halfRateWindow.length; i++) {
            halfRateWindow[i] = window[2 * i];
        }
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
        return melPower(y, null, y.length, sr, framesOut);
    }

    /**
     * The STFT, power spectrum and mel bank, over either the full-rate samples {@code y} or a half-rate clip
     * ({@code half}, when the shortcut applies; {@code y} is then null). {@code length} counts full-rate samples.
     */
    private double[] melPower(float[] y, HalfRateClip half, int length, int sr, int[] framesOut) {
        int nFft = config.nFft();
        int hop = config.hopLength();
        int centrePad = config.center() ? nFft / 2 : 0;
        int paddedLength = length + 2 * centrePad;
        if (paddedLength < nFft) {
            throw new IllegalArgumentException("clip of " + length + " samples is shorter than n_fft=" + nFft
                    + " and center=false");
        }
        int frames = 1 + (paddedLength - nFft) / hop;
        framesOut[0] = frames;
        double[] padded = half == null ? pad(y) : null;
        MelFilterBank bank = filterBank(sr);
        double[] mel = new double[bank.size() * frames];
        double[] frame = new double[nFft];
        double[] halfFrame = new double[nFft / 2];
        double[] spectrum = new double[nFft / 2 + 1];
        for (int t = 0; t < frames; t++) {
            int start = t * hop - centrePad;
            if (half == null) {
                System.arraycopy(padded, t * hop, frame, 0, nFft);
            } else if (!half.inside(start, nFft)) {
                half.fullRate(start, frame);
            } else {
                // a frame inside the clip has nothing above a quarter of the rate: its spectrum up to there is
                // twice that of its even samples, a transform of half the length
                half.halfRate(start, halfFrame);
                bank.apply(spectrum, powerSpectrum(halfFrame, halfRateWindow, 2.0, spectrum), mel, t, frames);
                continue;
            }
            bank.apply(spectrum, powerSpectrum(frame, window, 1.0, spectrum), mel, t, frames);
        }
        return mel;
    }

    /**
     * Windows {@code frame} in place, transforms it and writes {@code |gain * X|^power} for its
     * {@code 1 + n/2} bins to {@code spectrum}; returns that bin count.
     */
    private int powerSpectrum(double[] frame, double[] window, double gain, double[] spectrum) {
        int n = frame.length;
        for (int i = 0; i < n; i++) {
            frame[i] *= window[i];
        }
        FftPlans.of(n).realForward(frame);
        double power = config.power();
        spectrum[0] = magnitudePower(gain * frame[0], 0, power);
        spectrum[n / 2] = magnitudePower(gain * frame[1], 0, power);
        for (int k = 1; k < n / 2; k++) {
            spectrum[k] = magnitudePower(gain * frame[2 * k], gain * frame[2 * k + 1], power);
        }
        return n / 2 + 1;
    }

    /** The clip at the configured rate, on the half-rate path when it applies. */
    private double[] melPowerOf(AudioClip clip, int[] framesOut) {
        Integer sr = config.sr();
        if (sr == null || sr == clip.sampleRate()) {
            return melPower(clip.samples(), clip.sampleRate(), framesOut);
        }
        BandLimitedResampler resampler = resamplers.computeIfAbsent(clip.sampleRate(),
                from -> new BandLimitedResampler(from, sr));
        if (!halfRateApplies(clip.sampleRate())) {
            return melPower(resampler.resample(clip.samples()), sr, framesOut);
        }
        HalfRateClip half = new HalfRateClip(resampler.resampleUncut(clip.samples(), 2, HalfRateClip.HALF_TAPS),
                resampler.signalLength(clip.length()), resampler.startTransient(clip.samples()));
        int length = BandLimitedResampler.outputLength(clip.length(), clip.sampleRate(), sr);
        return melPower(null, half, length, sr, framesOut);
    }

    /**
     * Whether a clip at {@code fromRate}, upsampled to the configured rate, can take the half-rate path: its
     * band (below {@code fromRate / 2}) ends well below a quarter of the new rate, so a Hann-windowed frame
     * inside the clip has nothing above that quarter but the window's far side lobes, more than 100 dB down:
     * under an 80 dB floor on a power spectrogram, those bands read the floor either way.
     */
    boolean halfRateApplies(int fromRate) {
        Integer sr = config.sr();
        return halfRate && sr != null && fromRate <= HALF_RATE_MAX_RATIO * sr
                && config.window() == WindowFunction.HANN && config.nFft() % 4 == 0 && config.hopLength() % 2 == 0
                && (!config.center() || config.padMode().equals("constant"))
                && config.power() == 2.0 && config.topDb() != null && config.topDb() <= 80;
    }

    private static double magnitudePower(double re, double im, double power) {
        double p2 = re * re + im * im;
        return power == 2.0 ? p2 : power == 1.0 ? Math.sqrt(p2) : Math.pow(p2, power / 2);
    }

    /** The clip's log-mel spectrogram in dB ({@code power_to_db} with the configured ref, amin, top_db). */
    public DbMel dbMel(AudioClip clip) {
        int sr = sampleRateFor(clip);
        int[] frames = new int[1];
        double[] mel = melPowerOf(clip, frames);
        double refDb = 10 * Math.log10(Math.max(config.amin(), config.ref()));
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < mel.length; i++) {
            double db = 10 * FastLog10.log10(Math.max(config.amin(), mel[i])) - refDb;
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
        int p = config.center() ? config.nFft() / 2 : 0;
        double[] out = new double[y.length + 2 * p];
        for (int i = 0; i < y.length; i++) {
            out[p + i] = y[i];
        }
        String mode = config.padMode();
        if (p > 0 && !mode.equals("constant") && y.length > 0) {
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
