package dev.digits.api.vad;

import dev.digits.api.plugin.Plugin;

import java.io.IOException;

/** A kind of speech detector, such as {@code silero}; found with {@link java.util.ServiceLoader}. */
public interface SpeechDetectorProvider extends Plugin {

    /**
     * A detector for audio at {@code inputRate}: one that takes that rate if it can, else one at a rate of its own
     * that the caller resamples to (see {@link SpeechDetector#sampleRate()}).
     *
     * @throws IOException if its model files cannot be found or loaded
     */
    SpeechDetector open(int inputRate) throws IOException;
}
