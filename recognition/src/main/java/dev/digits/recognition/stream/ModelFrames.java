package dev.digits.recognition.stream;

import dev.digits.api.vad.SpeechDetector;

/**
 * Speech by a trained detector (such as Silero VAD): a frame starts speech when its probability is at least
 * {@code threshold} and continues it while at least {@code threshold - 0.15}. Frames span the detector's frame at
 * the stream's rate and are resampled (linearly) to the detector's rate when the two differ.
 */
public final class ModelFrames implements FrameDecider {
    private final SpeechDetector detector;
    private final double threshold;
    private final int frame;
    private final float[] resampled;

    public ModelFrames(SpeechDetector detector, int sampleRate, double threshold) {
        this.detector = detector;
        this.threshold = threshold;
        this.frame = (int) Math.round(detector.frameSamples() * (double) sampleRate / detector.sampleRate());
        this.resampled = new float[detector.frameSamples()];
    }

    @Override
    public int frameSamples() {
        return frame;
    }

    @Override
    public boolean isSpeech(float[] samples, boolean inSpeech) {
        float[] in = samples;
        if (frame != resampled.length) {
            double step = (frame - 1) / (double) Math.max(1, resampled.length - 1);
            for (int i = 0; i < resampled.length; i++) {
                double x = i * step;
                int k = (int) x;
                double f = x - k;
                resampled[i] = (float) (samples[k] * (1 - f) + samples[Math.min(frame - 1, k + 1)] * f);
            }
            in = resampled;
        }
        return detector.speechProbability(in) >= (inSpeech ? threshold - 0.15 : threshold);
    }
}
