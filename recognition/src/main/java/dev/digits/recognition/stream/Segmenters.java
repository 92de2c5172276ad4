package dev.digits.recognition.stream;

import dev.digits.api.plugin.PluginRegistry;
import dev.digits.api.vad.SpeechDetectorProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways to find speech frames a stream can use ({@code --vad}): {@code energy}, built in, and each speech
 * detector plugin ({@code silero}).
 */
public final class Segmenters {
    public static final String ENERGY = "energy";
    /** Probability from which a trained detector's frame is speech. */
    public static final double MODEL_THRESHOLD = 0.5;

    private final PluginRegistry<SpeechDetectorProvider> detectors;

    public Segmenters(PluginRegistry<SpeechDetectorProvider> detectors) {
        this.detectors = detectors;
    }

    /** Every name {@code --vad} takes. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of(ENERGY));
        names.addAll(detectors.names());
        return names;
    }

    /**
     * New frame decisions for one stream at {@code sampleRate}.
     *
     * @throws IllegalArgumentException for an unknown or unavailable name, saying which there are
     */
    public FrameDecider frames(String name, int sampleRate, VoiceActivityDetector.Settings settings) {
        if (name.equals(ENERGY)) {
            return EnergyFrames.of(sampleRate, settings);
        }
        SpeechDetectorProvider provider = detectors.get(name);
        try {
            return new ModelFrames(provider.open(sampleRate), sampleRate, MODEL_THRESHOLD);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
