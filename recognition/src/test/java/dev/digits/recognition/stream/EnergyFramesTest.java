package dev.digits.recognition.stream;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The energy detector starts an utterance at the threshold and holds it while frames stay half as far above the floor. */
class EnergyFramesTest {
    private static float[] frame(double rms) {
        float[] x = new float[160];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rms * Math.sqrt(2) * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        return x;
    }

    private static double db(double rmsDb) {
        return 0.01 * Math.pow(10, rmsDb / 20);
    }

    @Test
    void aWeakFrameGoesOnWithAnUtteranceButDoesNotStartOne() {
        EnergyFrames frames = new EnergyFrames(8000, 6, -60);
        for (int i = 0; i < 10; i++) {
            assertFalse(frames.isSpeech(frame(db(0)), false), "the noise floor");
        }
        assertFalse(frames.isSpeech(frame(db(4)), false), "4 dB above the floor starts nothing");
        assertTrue(frames.isSpeech(frame(db(8)), false), "8 dB above the floor starts an utterance");
        assertTrue(frames.isSpeech(frame(db(4)), true), "4 dB above the floor goes on with it (half the threshold)");
        assertFalse(frames.isSpeech(frame(db(2)), true), "2 dB above the floor ends it");
    }
}
