package dev.digits.recognition.stream;

/**
 * Speech by frame energy (20 ms frames) against an adaptive noise floor: an utterance starts at a frame
 * {@code thresholdDb} above the floor (and above {@code absoluteFloorDb}) and goes on while frames stay half that
 * above it, so the weak ends of a word in noise (a final "t", the "s" of six) are kept rather than cut. The floor
 * follows quiet frames down at once and creeps up slowly (1 dB/s), so speech cannot raise it much.
 */
public final class EnergyFrames implements FrameDecider {
    private final int frame;
    private final double thresholdDb;
    private final double absoluteFloorDb;
    private double noiseDb = Double.NaN;

    /** The energy detector of a stream's settings. */
    public static EnergyFrames of(int sampleRate, VoiceActivityDetector.Settings settings) {
        return new EnergyFrames(sampleRate, settings.thresholdDb(), settings.absoluteFloorDb());
    }

    public EnergyFrames(int sampleRate, double thresholdDb, double absoluteFloorDb) {
        this.frame = Math.max(1, sampleRate / 50);
        this.thresholdDb = thresholdDb;
        this.absoluteFloorDb = absoluteFloorDb;
    }

    @Override
    public int frameSamples() {
        return frame;
    }

    @Override
    public boolean isSpeech(float[] samples, boolean inSpeech) {
        double energy = 0;
        for (int i = 0; i < frame; i++) {
            energy += samples[i] * samples[i];
        }
        double db = 10 * Math.log10(energy / frame + 1e-12);
        if (Double.isNaN(noiseDb)) {
            noiseDb = db;
        }
        boolean speech = db > Math.max(noiseDb + (inSpeech ? thresholdDb / 2 : thresholdDb), absoluteFloorDb);
        if (!speech || !inSpeech) {
            noiseDb = db < noiseDb ? db : Math.min(db, noiseDb + 0.02);
        }
        return speech;
    }
}
