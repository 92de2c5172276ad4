package dev.digits.app;

import dev.digits.core.audio.SincResampler;
import dev.digits.core.audio.WavWriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Random;

/**
 * What the page tests play as the microphone: official test clips of jackson and theo saying {@link #SPOKEN},
 * joined by pauses, at 16 kHz, with 2 s of quiet at the end.
 */
record SpokenDigitsWav(String spoken, Path file) {
    static final String SPOKEN = "4071";

    static SpokenDigitsWav in(Path dir) throws Exception {
        float[] at8k = ModelUseTest.digitString(SPOKEN, new String[] {"jackson", "theo"}, new Random(11), new ArrayList<>());
        float[] withQuiet = java.util.Arrays.copyOf(at8k, at8k.length + 8000 * 2);
        Path file = dir.resolve("mic.wav");
        WavWriter.write16(file, SincResampler.convert(withQuiet, 8000, 16000), 16000);
        return new SpokenDigitsWav(SPOKEN, file);
    }
}
