package dev.digits.features.mfcc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A clip upsampled to a rate more than twice its band, kept at every second sample: half the samples to
 * compute and to transform. Where a frame needs the full rate (at the clip's ends, where cutting the signal
 * off puts energy in every band) the samples in between are interpolated, exactly enough for librosa parity,
 * from the band-limited signal, which is kept a little beyond both ends for this. Not thread-safe: one
 * instance per clip.
 */
final class HalfRateClip {
    /** Half-length of the interpolation kernel, in half-rate samples. */
    static final int HALF_TAPS = 20;
    private static final double[] MIDPOINT_KERNEL = midpointKernel(HALF_TAPS, 16.0);
    /** Transform length for interpolating a block of midpoints, and how many of its outputs are kept. */
    private static final int BLOCK = 1024;
    private static final int BLOCK_OUTPUTS = BLOCK - 2 * HALF_TAPS + 1;
    /** Full-rate samples per block: each kept sample and the midpoint after it. */
    private static final int BLOCK_SPAN = 2 * BLOCK_OUTPUTS;
    private static final double[] KERNEL_SPECTRUM = kernelSpectrum();

    private final float[] uncut;
    private final int signalLength;
    /** Computed blocks of full-rate samples and the index of each one's first sample. */
    private final List<double[]> blocks = new ArrayList<>(4);
    private final List<Integer> blockStarts = new ArrayList<>(4);
    private final double[] startOffsets;

    /**
     * @param uncut        every second sample of the upsampled signal, index {@code i} holding full-rate sample
     *                     {@code 2 * (i - HALF_TAPS)}: {@link BandLimitedResampler#resampleUncut} with margin
     *                     {@link #HALF_TAPS}
     * @param signalLength full-rate samples that carry the clip; the signal is zero before 0 and from here on
     * @param startOffsets added to full-rate samples 0, 1, ... ({@link BandLimitedResampler#startTransient})
     */
    HalfRateClip(float[] uncut, int signalLength, double[] startOffsets) {
        this.uncut = uncut;
        this.signalLength = signalLength;
        this.startOffsets = startOffsets;
    }

    /** Whether the full-rate samples {@code [start, start + length)} lie inside the clip. */
    boolean inside(int start, int length) {
        return start >= 0 && start + length <= signalLength;
    }

    /** Half-rate samples from full-rate index {@code start} (even, {@link #inside}) into {@code out}. */
    void halfRate(int start, double[] out) {
        int base = start / 2 + HALF_TAPS;
        for (int i = 0; i < out.length; i++) {
            out[i] = uncut[base + i];
        }
        for (int n = start; n < startOffsets.length; n += 2) {
            out[(n - start) / 2] += startOffsets[n];
        }
    }

    /** Full-rate samples from index {@code start} into {@code out}, zero outside the clip. */
    void fullRate(int start, double[] out) {
        int from = Math.max(0, start);
        int to = Math.min(signalLength, start + out.length);
        Arrays.fill(out, 0);
        int n = from;
        while (n < to) {
            int block = blockCovering(n);
            int offset = blockStarts.get(block);
            int count = Math.min(to, offset + BLOCK_SPAN) - n;
            System.arraycopy(blocks.get(block), n - offset, out, n - start, count);
            n += count;
        }
    }

    /**
     * The block of full-rate samples that holds sample {@code n}: one already computed, or a new one starting
     * at {@code n} (rounded down to even), so that the few blocks a clip's edge frames need do not straddle.
     */
    private int blockCovering(int n) {
        for (int b = 0; b < blocks.size(); b++) {
            int offset = blockStarts.get(b);
            if (n >= offset && n < offset + BLOCK_SPAN) {
                return b;
            }
        }
        int m0 = n / 2;
        double[] midpoints = midpointBlock(m0);
        double[] samples = new double[BLOCK_SPAN];
        for (int j = 0; j < BLOCK_OUTPUTS; j++) {
            samples[2 * j] = uncut[Math.min(uncut.length - 1, m0 + j + HALF_TAPS)];
            samples[2 * j + 1] = midpoints[j];
        }
        for (int i = 2 * m0; i < startOffsets.length; i++) {
            samples[i - 2 * m0] += startOffsets[i];
        }
        blocks.add(samples);
        blockStarts.add(2 * m0);
        return blocks.size() - 1;
    }

    /**
     * Midpoints {@code m0 ... m0 + BLOCK_OUTPUTS - 1}: the kernel correlated with the samples around them, as
     * one product of transforms of {@link #BLOCK} samples (the products that wrap round are not kept).
     */
    private double[] midpointBlock(int m0) {
        double[] segment = new double[BLOCK];
        int first = m0 + 1; // uncut index of the first tap: (m0 + HALF_TAPS) - HALF_TAPS + 1
        int available = Math.min(BLOCK, uncut.length - first);
        for (int q = 0; q < available; q++) {
            segment[q] = uncut[first + q];
        }
        FftPlans.of(BLOCK).realForward(segment);
        double[] k = KERNEL_SPECTRUM;
        segment[0] *= k[0];
        segment[1] *= k[1];
        for (int j = 1; j < BLOCK / 2; j++) {
            double a = segment[2 * j];
            double b = segment[2 * j + 1];
            double c = k[2 * j];
            double d = k[2 * j + 1];
            // times the conjugate: a correlation, not a convolution
            segment[2 * j] = a * c + b * d;
            segment[2 * j + 1] = b * c - a * d;
        }
        FftPlans.of(BLOCK).realInverse(segment, true);
        return segment;
    }

    private static double[] kernelSpectrum() {
        double[] k = new double[BLOCK];
        System.arraycopy(MIDPOINT_KERNEL, 0, k, 0, MIDPOINT_KERNEL.length);
        FftPlans.of(BLOCK).realForward(k);
        return k;
    }

    /**
     * Kaiser-windowed sinc taps at offsets {@code -half + 0.5 ... half - 0.5} from the midpoint, scaled to sum
     * to one. The half-rate signal's band ends at a fraction {@code <= 0.8} of its Nyquist frequency; with 40
     * taps and beta 16 the response is flat to 1e-7 over that band.
     */
    private static double[] midpointKernel(int half, double beta) {
        double[] k = new double[2 * half];
        double sum = 0;
        for (int j = 0; j < k.length; j++) {
            double tau = j - half + 0.5;
            k[j] = Math.sin(Math.PI * tau) / (Math.PI * tau) * KaiserLowpass.window(tau / (half + 0.5), beta);
            sum += k[j];
        }
        for (int j = 0; j < k.length; j++) {
            k[j] /= sum;
        }
        return k;
    }
}
