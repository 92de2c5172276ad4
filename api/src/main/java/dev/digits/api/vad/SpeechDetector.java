package dev.digits.api.vad;

/**
 * Says, frame by frame, how likely audio is to be speech. One detector follows one stream: it keeps state from
 * frame to frame, so frames must come in order and a new stream needs a new detector. Not thread-safe.
 */
public interface SpeechDetector extends AutoCloseable {

    /** The sample rate frames must be at. */
    int sampleRate();

    /** Samples in one frame at {@link #sampleRate()}. */
    int frameSamples();

    /**
     * The probability, from 0 to 1, that the frame is speech.
     *
     * @param frame {@link #frameSamples()} samples in [-1, 1], the next frame of the stream
     */
    float speechProbability(float[] frame);

    /** Forgets the stream so far: the next frame starts a new one. */
    void reset();

    @Override
    void close();
}
