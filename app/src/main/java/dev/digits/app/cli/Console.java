package dev.digits.app.cli;

import java.io.PrintStream;

/** Where a command prints: results to {@code out}, progress and diagnostics to {@code err}. */
public record Console(PrintStream out, PrintStream err) {

    public static Console system() {
        return new Console(System.out, System.err);
    }
}
