package org.example.recognize;

import dev.digits.recognition.DigitRecognizer;
import dev.digits.recognition.Recognition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Prints the digit spoken in each WAV file: {@code FILE<TAB>LABEL<TAB>CONFIDENCE}. */
public final class RecognizeFile {
    private RecognizeFile() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: RecognizeFile MODEL.digits FILE.wav...");
            System.exit(2);
        }
        try (DigitRecognizer recognizer = DigitRecognizer.load(Path.of(args[0]))) {
            for (int i = 1; i < args.length; i++) {
                Recognition x = recognizer.recognize(Path.of(args[i]));
                System.out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", args[i], x.label(), x.confidence());
            }
        } catch (IOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
