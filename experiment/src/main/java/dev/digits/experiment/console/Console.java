package dev.digits.experiment.console;

import java.io.InputStream;
import java.io.PrintStream;

/** Where a command reads input ({@code in}, for streaming) and prints: results to {@code out}, progress to {@code err}. */
public record Console(InputStream in, PrintStream out, PrintStream err) {

    public Console(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }

    public static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
