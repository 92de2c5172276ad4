package dev.digits.api.audio;

import java.util.Objects;
import java.util.Optional;

/**
 * A mono recording: float samples in [-1, 1] at a sample rate, with an optional digit label,
 * speaker and source id (usually the file it came from).
 *
 * <p>The sample array is shared, not copied: treat it as read-only.
 */
public final class AudioClip {
    private final float[] samples;
    private final int sampleRate;
    private final Integer label;
    private final String speaker;
    private final String sourceId;

    public AudioClip(float[] samples, int sampleRate, Integer label, String speaker, String sourceId) {
        this.samples = Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.label = label;
        this.speaker = speaker;
        this.sourceId = sourceId;
    }

    /** An unlabelled clip. */
    public static AudioClip of(float[] samples, int sampleRate) {
        return new AudioClip(samples, sampleRate, null, null, null);
    }

    public float[] samples() {
        return samples;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int length() {
        return samples.length;
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    public Optional<Integer> label() {
        return Optional.ofNullable(label);
    }

    public Optional<String> speaker() {
        return Optional.ofNullable(speaker);
    }

    public Optional<String> sourceId() {
        return Optional.ofNullable(sourceId);
    }

    /** The same metadata with other samples (after resampling or augmentation, say). */
    public AudioClip withSamples(float[] newSamples, int newSampleRate) {
        return new AudioClip(newSamples, newSampleRate, label, speaker, sourceId);
    }

    @Override
    public String toString() {
        return "AudioClip[" + (sourceId == null ? "" : sourceId + ", ") + samples.length + " samples @ "
                + sampleRate + " Hz" + (label == null ? "" : ", digit " + label) + "]";
    }
}
