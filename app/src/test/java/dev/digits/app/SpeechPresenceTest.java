package dev.digits.app;

import dev.digits.core.audio.SpeechPresence;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The speech check's calibration: every FSDD clip passes, silence, steady noise and impossible levels do not. */
class SpeechPresenceTest {
    @Test
    void everyFsddClipHoldsSpeech() throws Exception {
        List<Path> clips;
        try (Stream<Path> s = Files.list(DatasetLocator.defaults().locate("fsdd").resolve("recordings"))) {
            clips = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        assertEquals(3000, clips.size());
        for (Path clip : clips) {
            WavFile wav = WavReader.read(clip);
            assertEquals(java.util.Optional.empty(), SpeechPresence.DEFAULT.noSpeech(wav.mono(), wav.format().sampleRate()),
                    clip.toString());
        }
    }

    @Test
    void silenceSteadyNoiseAndImpossibleLevelsHoldNone() {
        Random random = new Random(3);
        assertEquals("no speech: digital silence", SpeechPresence.DEFAULT.noSpeech(new float[8000], 8000).orElseThrow());
        float[] faint = new float[8000];
        for (int i = 0; i < faint.length; i++) {
            faint[i] = (float) (random.nextGaussian() * 1e-4);
        }
        assertTrue(SpeechPresence.DEFAULT.noSpeech(faint, 8000).orElseThrow().startsWith("no speech: silent"));
        for (double db : new double[] {-50, -30, -10}) {
            for (int rate : new int[] {8000, 16000, 44100}) {
                float[] noise = new float[rate * 3];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (float) (random.nextGaussian() * Math.pow(10, db / 20));
                }
                assertTrue(SpeechPresence.DEFAULT.noSpeech(noise, rate).orElse("").startsWith("no speech: the level is "
                        + "steady"), db + " dB at " + rate + " Hz");
                assertTrue(SpeechPresence.OFF.noSpeech(noise, rate).isEmpty(), "off means off");
            }
        }
        float[] huge = new float[8000];
        for (int i = 0; i < huge.length; i++) {
            huge[i] = (float) (Math.sin(i * 0.3) * 1e30 * (i > 4000 ? 1 : 0.001));
        }
        assertTrue(SpeechPresence.DEFAULT.noSpeech(huge, 8000).orElseThrow().contains("impossible for audio"));
    }
}
