package dev.digits.core.dataset;

import dev.digits.core.audio.WavFormat;

import dev.digits.core.audio.WavWriter;

import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The espeak-ng corpus writer, run against stand-in programs (a 44.1 kHz stereo 24-bit recording instead of
 * speech, an espeak-ng that reports an unknown voice) and, where it is installed, the real espeak-ng.
 */
class SyntheticVoicesTest {
    @TempDir
    Path dir;

    /** What espeak-ng might write: 1 s at 44.1 kHz, stereo, 24-bit, a voiced 0.6 s between silences. */
    private Path fixture() throws IOException {
        int rate = 44100;
        float[] stereo = new float[2 * rate];
        for (int i = rate / 5; i < rate * 4 / 5; i++) {
            float v = (float) (0.4 * Math.sin(2 * Math.PI * 180 * i / rate) + 0.2 * Math.sin(2 * Math.PI * 720 * i / rate));
            stereo[2 * i] = v;
            stereo[2 * i + 1] = 0.8f * v;
        }
        Path f = dir.resolve("espeak-like.wav");
        WavWriter.write(f, stereo, rate, 2, WavFormat.Encoding.PCM_INT, 24);
        return f;
    }

    /** A program taking espeak-ng's arguments that runs {@code body} with the {@code -w} file in {@code $out}. */
    private Path program(String body) throws IOException {
        Path p = dir.resolve("fake-espeak");
        Files.writeString(p, "#!/bin/bash\nwhile [ $# -gt 0 ]; do [ \"$1\" = -w ] && out=\"$2\"; shift; done\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void writesEveryDigitPerVoiceAndSpeedInTheFsddLayoutAtTheAskedRate() throws Exception {
        Path fixture = fixture();
        SyntheticVoices voices = new SyntheticVoices(program("cp '" + fixture + "' \"$out\"").toString(),
                List.of("en-us+f3", "en-gb-scotland"), List.of(120, 170), 8000);
        Path out = dir.resolve("synth");
        int[] reported = new int[1];
        List<Path> files = voices.write(out, n -> reported[0] = n);

        assertEquals(40, files.size());
        assertEquals(40, reported[0]);
        assertTrue(Files.exists(out.resolve("7_espeak-en-us-f3_1.wav")));
        try (var listing = Files.list(out)) {
            assertEquals(40, listing.count(), "no temporary file left behind");
        }
        Corpus corpus = Corpus.open(out);
        assertEquals("fsdd", corpus.layout().id());
        assertEquals(Map.of("espeak-en-gb-scotland", 20L, "espeak-en-us-f3", 20L), corpus.countBySpeaker());
        assertEquals(4L, corpus.countByDigit().get(9));

        WavFile source = WavReader.read(fixture);
        WavFile written = WavReader.read(files.get(0));
        assertEquals(8000, written.format().sampleRate());
        assertEquals(1, written.format().channels());
        double sourceSeconds = source.format().durationSeconds();
        double seconds = written.format().durationSeconds();
        assertTrue(seconds > 0.1 && seconds <= sourceSeconds + 1e-3, seconds + " s from " + sourceSeconds + " s");
    }

    @Test
    void espeakErrorsAndAMissingProgramAreReportedWithTheVoice() throws Exception {
        SyntheticVoices unknownVoice = new SyntheticVoices(
                program("echo 'Error: The specified espeak-ng voice does not exist.'").toString(),
                List.of("xx-nowhere"), List.of(150), 8000);
        IOException e = assertThrows(IOException.class, () -> unknownVoice.write(dir.resolve("a"), n -> { }));
        assertTrue(e.getMessage().contains("failed for voice xx-nowhere (exit 0): Error: The specified espeak-ng voice"),
                e.getMessage());

        SyntheticVoices missing = new SyntheticVoices(dir.resolve("no-such-program").toString(), List.of("en-us"),
                List.of(150), 8000);
        IOException m = assertThrows(IOException.class, () -> missing.write(dir.resolve("b"), n -> { }));
        assertTrue(m.getMessage().contains("apt-get install espeak-ng"), m.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new SyntheticVoices("espeak-ng", List.of("en-us"),
                List.of(20), 8000));
    }

    @Test
    void realEspeakSpeaksTheDigitsWhereInstalled() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")), "espeak-ng is not installed");
        List<Path> files = new SyntheticVoices("/usr/bin/espeak-ng", List.of("en-us+f2"), List.of(150), 8000)
                .write(dir.resolve("real"), n -> { });
        assertEquals(10, files.size());
        for (Path f : files) {
            WavFile w = WavReader.read(f);
            assertEquals(8000, w.format().sampleRate());
            // one short word: a few tenths of a second once the silence is trimmed
            assertTrue(w.format().durationSeconds() > 0.15 && w.format().durationSeconds() < 1.2, f + ": " + w.format().durationSeconds());
        }
    }
}
