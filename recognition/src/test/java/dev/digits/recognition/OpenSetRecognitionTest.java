package dev.digits.recognition;

import dev.digits.recognition.bundle.SmallBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained with speech that is not a digit: its bundle's labels end with {@code ?}, its recorded threshold is
 * the recognizer's default, other speech is answered {@code ?} with a reason, digits still get their digit, and a
 * bundle without the class or a threshold behaves as before.
 */
class OpenSetRecognitionTest {
    @TempDir
    static Path dir;
    static Path openSet;
    static Path closed;

    @BeforeAll
    static void bundles() throws Exception {
        openSet = SmallBundle.writeOpenSet(dir.resolve("open.digits"), 0.4);
        closed = SmallBundle.write(dir.resolve("closed.digits"), false);
    }

    @Test
    void otherSpeechIsAnsweredQuestionMarkWithAReasonAndDigitsKeepTheirDigit() throws Exception {
        try (DigitRecognizer r = DigitRecognizer.load(openSet)) {
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "?"), r.labels());
            assertEquals(0.4, r.minConfidence(), 0.0);
            assertEquals(0.4, r.streamMinConfidence(), 0.0);
            int others = 0;
            for (Path other : SmallBundle.otherWordsTrainedOn()) {
                Recognition x = r.recognize(other);
                if (x.label().equals(Recognition.NOT_A_DIGIT)) {
                    others++;
                    assertFalse(x.digit().isPresent());
                    assertTrue(x.hasSpeech());
                    assertTrue(x.reason().startsWith("speech that is not a digit (probability ")
                            || x.reason().startsWith("the model's confidence "), x.reason());
                    assertTrue(x.ranking().stream().anyMatch(d -> d.digit().equals("?")), x.ranking().toString());
                }
            }
            assertTrue(others >= 27, others + " of the 30 other words it was trained on answered ?");
            int digits = 0;
            for (int d = 0; d < 10; d++) {
                Recognition x = r.recognize(SmallBundle.recordings().resolve(d + "_theo_" + 10 + ".wav"));
                digits += x.digit().isPresent() && x.digit().getAsInt() == d ? 1 : 0;
                if (x.digit().isPresent()) {
                    assertEquals(null, x.reason());
                    assertTrue(x.confidence() >= 0.4, x.toString());
                }
            }
            assertTrue(digits >= 9, digits + " of ten digits it was trained on recognised");
        }
    }

    @Test
    void aStricterThresholdRejectsMoreAndTheClosedBundleAnswersADigitAlways() throws Exception {
        List<Path> digits = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            digits.add(SmallBundle.recordings().resolve(d + "_george_" + 3 + ".wav"));
        }
        try (DigitRecognizer r = DigitRecognizer.load(openSet); DigitRecognizer old = DigitRecognizer.load(closed)) {
            // a digit answered with confidence c: still a digit at threshold c, ? just above it
            Recognition unsure = null;
            for (int index = 0; index < 50 && unsure == null; index++) {
                for (int d = 0; d < 10 && unsure == null; d++) {
                    Recognition x = r.recognize(SmallBundle.recordings().resolve(d + "_george_" + index + ".wav"));
                    unsure = x.digit().isPresent() && x.confidence() < 0.99 ? x : null;
                }
            }
            assertTrue(unsure != null, "some digit of an unheard voice is answered below 0.99");
            Path heard = Path.of(unsure.name());
            assertEquals(unsure.label(), r.withMinConfidence(unsure.confidence()).recognize(heard).label());
            Recognition rejected = r.withMinConfidence(Math.nextUp(unsure.confidence())).recognize(heard);
            assertEquals("?", rejected.label());
            assertTrue(rejected.reason().startsWith("the model's confidence "), rejected.reason());
            assertEquals(0.0, old.minConfidence(), 0.0);
            assertEquals(DigitRecognizer.STREAM_MIN_CONFIDENCE, old.streamMinConfidence(), 0.0);
            for (Path f : digits) {
                Recognition x = old.recognize(f);
                assertTrue(x.digit().isPresent(), "a closed bundle without a threshold always answers a digit: " + x);
                assertEquals(10, x.ranking().size());
            }
            for (Path other : SmallBundle.otherWordsTrainedOn()) {
                assertTrue(old.recognize(other).digit().isPresent(), "it knows no ?");
            }
        }
    }
}
