package dev.digits.recognition.stream;

/** Decides, frame by frame, whether a stream is speech: the part of voice-activity detection that can be swapped. */
public interface FrameDecider {

    /** Samples per frame, at the stream's rate. */
    int frameSamples();

    /**
     * Whether this frame is speech.
     *
     * @param frame    {@link #frameSamples()} samples, the next frame of the stream
     * @param inSpeech whether the frames before it were speech (for hysteresis)
     */
    boolean isSpeech(float[] frame, boolean inSpeech);
}
