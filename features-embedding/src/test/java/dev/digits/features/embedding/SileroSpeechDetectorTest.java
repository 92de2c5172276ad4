package dev.digits.features.embedding;

import dev.digits.core.audio.SincResampler;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Silero VAD through ONNX Runtime: speech is speech, silence is not, and the LSTM state is per detector. */
class SileroSpeechDetectorTest {
    private static final Path MODEL = TestModels.folder().resolve(SpeechModelFiles.VAD);

    /** The probability of each frame of {@code x}, after a quarter second of silence. */
    private static float[] probabilities(SileroSpeechDetector d, float[] x) {
        int n = d.frameSamples();
        float[] padded = new float[x.length + d.sampleRate() / 4];
        System.arraycopy(x, 0, padded, d.sampleRate() / 4, x.length);
        float[] p = new float[padded.length / n];
        float[] frame = new float[n];
        for (int i = 0; i < p.length; i++) {
            System.arraycopy(padded, i * n, frame, 0, n);
            p[i] = d.speechProbability(frame);
        }
        return p;
    }

    private static float max(float[] p) {
        float m = 0;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void aSpokenDigitIsSpeechAndSilenceIsNot() throws Exception {
        float[] clip = WavReader.readClip(DatasetLocator.defaults().locate("fsdd").resolve("recordings/2_george_3.wav"))
                .samples();
        SileroSpeechDetector at8k = new SileroSpeechDetector(MODEL, 8000);
        assertEquals(256, at8k.frameSamples());
        float[] speech = probabilities(at8k, clip);
        assertTrue(max(speech) > 0.8, "a clear digit: " + max(speech));
        at8k.reset();
        assertTrue(max(probabilities(at8k, new float[8000])) < 0.1, "silence");

        at8k.reset();
        float[] again = probabilities(at8k, clip);
        assertArrayEquals(speech, again, "reset forgets the stream: the same frames give the same probabilities");

        SileroSpeechDetector at16k = new SileroSpeechDetector(MODEL, 16000);
        assertEquals(512, at16k.frameSamples());
        assertTrue(max(probabilities(at16k, SincResampler.convert(clip, 8000, 16000))) > 0.5);
        assertThrows(IllegalArgumentException.class, () -> new SileroSpeechDetector(MODEL, 44100));
    }

    @Test
    void theProviderOpensOneDetectorPerStreamAtARateItTakes() throws Exception {
        SileroDetectorProvider provider = new SileroDetectorProvider();
        provider.checkAvailable();
        try (var at8k = provider.open(8000); var at48k = provider.open(48000)) {
            assertEquals(8000, at8k.sampleRate());
            assertEquals(16000, at48k.sampleRate(), "other rates are resampled to 16 kHz by the caller");
        }
    }
}
