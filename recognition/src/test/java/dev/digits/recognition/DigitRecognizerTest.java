package dev.digits.recognition;

import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.recognition.bundle.SmallBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's contract: a bundle loaded with {@link DigitRecognizer#load}, single recordings and streams
 * recognised, the labels {@code 0-9}, {@code ?} and {@code -}, many threads at once, and the one-line error of a
 * bundle whose plugin is not on the class path.
 */
class DigitRecognizerTest {
    private static Path fsdd;
    private static Path bundle;

    @TempDir
    static Path dir;

    @BeforeAll
    static void trainABundle() throws Exception {
        fsdd = SmallBundle.recordings();
        bundle = SmallBundle.write(dir.resolve("model.digits"), false);
    }

    private static Path clip(int digit, String speaker, int index) {
        return fsdd.resolve(digit + "_" + speaker + "_" + index + ".wav");
    }

    @Test
    void aRecordingGetsItsDigitAndTheSameAnswerFromItsSamples() throws Exception {
        int right = 0;
        try (DigitRecognizer r = DigitRecognizer.load(bundle)) {
            for (int digit = 0; digit < 10; digit++) {
                for (int index = 0; index < 3; index++) {
                    Path f = clip(digit, "theo", index);
                    Recognition x = r.recognize(f);
                    assertTrue(x.digit().isPresent(), x.toString());
                    assertEquals(x.label(), String.valueOf(x.digit().getAsInt()));
                    assertTrue(x.confidence() > 0 && x.confidence() <= 1, x.toString());
                    assertEquals(x.label(), x.ranking().get(0).digit());
                    assertEquals(f.toString(), x.name());
                    right += x.digit().getAsInt() == digit ? 1 : 0;
                    WavFile wav = WavReader.read(f);
                    Recognition fromSamples = r.recognize(wav.mono(), wav.format().sampleRate());
                    assertEquals(x.label(), fromSamples.label());
                    assertEquals(x.confidence(), fromSamples.confidence(), 1e-6);
                }
            }
        }
        assertTrue(right >= 24, "a trained speaker's held-out clips: " + right + " of 30 right");
    }

    @Test
    void silenceIsNoSpeechAndAnUnsureAnswerIsNotADigit() throws Exception {
        try (DigitRecognizer r = DigitRecognizer.load(bundle)) {
            Recognition silence = r.recognize(new float[8000], 8000);
            assertEquals(Recognition.NO_SPEECH, silence.label());
            assertFalse(silence.hasSpeech());
            assertTrue(silence.digit().isEmpty());
            assertTrue(silence.reason() != null && !silence.reason().isBlank());

            Recognition unsure = r.withMinConfidence(1.0).recognize(clip(3, "theo", 0));
            assertEquals(Recognition.NOT_A_DIGIT, unsure.label());
            assertTrue(unsure.hasSpeech());
            assertTrue(unsure.digit().isEmpty());
            assertTrue(unsure.reason().contains("below"), unsure.reason());
            assertThrows(IllegalArgumentException.class, () -> r.withMinConfidence(1.5));
        }
    }

    @Test
    void oneRecognizerServesManyThreadsWithTheAnswersOfOne() throws Exception {
        try (DigitRecognizer r = DigitRecognizer.load(bundle)) {
            List<Path> files = new ArrayList<>();
            for (int digit = 0; digit < 10; digit++) {
                files.add(clip(digit, "theo", 3));
            }
            List<String> alone = new ArrayList<>();
            for (Path f : files) {
                alone.add(r.recognize(f).label() + " " + r.recognize(f).confidence());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (Path f : files) {
                        answers.add(pool.submit(() -> {
                            Recognition x = r.recognize(f);
                            return x.label() + " " + x.confidence();
                        }));
                    }
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertEquals(alone.get(i % files.size()), answers.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aStreamFedInAnyChunkingGivesEachUtteranceAsItEnds() throws Exception {
        int[] digits = {4, 0, 7};
        List<float[]> parts = new ArrayList<>();
        for (int d : digits) {
            parts.add(new float[4000]); // half a second of silence between words
            parts.add(WavReader.read(clip(d, "theo", 1)).mono());
        }
        parts.add(new float[4000]);
        float[] audio = concat(parts);
        try (DigitRecognizer r = DigitRecognizer.load(bundle)) {
            List<Utterance> whole = new ArrayList<>();
            try (StreamingSession s = r.openStream(8000, whole::add)) {
                s.feed(audio);
            }
            List<Utterance> chunked = new ArrayList<>();
            Random random = new Random(1);
            byte[] pcm = pcm16(audio);
            try (StreamingSession s = r.openStream(8000, chunked::add)) {
                for (int i = 0; i < pcm.length; ) {
                    int n = Math.min(pcm.length - i, 2 * (1 + random.nextInt(300)));
                    s.feedPcm16(pcm, i, n);
                    i += n;
                }
            }
            assertEquals(digits.length, whole.size(), whole.toString());
            assertEquals(whole.size(), chunked.size(), chunked.toString());
            for (int i = 0; i < whole.size(); i++) {
                assertEquals(whole.get(i).label(), chunked.get(i).label());
                assertEquals(whole.get(i).startSeconds(), chunked.get(i).startSeconds(), 0.02);
                assertTrue(whole.get(i).endSeconds() > whole.get(i).startSeconds());
                if (i > 0) {
                    assertTrue(whole.get(i).startSeconds() >= whole.get(i - 1).endSeconds(), whole.toString());
                }
            }
            StreamingSession closed = r.openStream(8000, u -> { });
            closed.close();
            assertThrows(IllegalStateException.class, () -> closed.feed(new float[10]));
        }
    }

    @Test
    void aBundleWhosePluginIsMissingNamesTheArtifactToAdd() throws Exception {
        Path dl4j = dir.resolve("dl4j.digits");
        String json = """
                {"format": "digits-model-bundle", "formatVersion": 1,
                 "extractor": {"name": "mfcc-librosa", "params": {}}, "backend": "dl4j", "modelType": "mlp", "ensemble": 1,
                 "labels": ["0","1","2","3","4","5","6","7","8","9"],
                 "trainingData": {"sampleRates": [8000], "minSeconds": 0.2, "maxSeconds": 2.0, "clips": 10}}
                """;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dl4j))) {
            zip.putNextEntry(new ZipEntry("bundle.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("model.bin"));
            zip.write(new byte[] {1, 2, 3});
        }
        IOException e = assertThrows(IOException.class, () -> DigitRecognizer.load(dl4j));
        assertTrue(e.getMessage().startsWith(dl4j + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("backend plugin 'dl4j'"), e.getMessage());
        assertTrue(e.getMessage().contains("add dev.digits:digits-backend-dl4j to the class path"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] pcm16(float[] x) {
        byte[] out = new byte[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            short s = (short) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768)));
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
