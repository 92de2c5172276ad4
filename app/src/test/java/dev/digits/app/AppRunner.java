package dev.digits.app;

import dev.digits.experiment.console.Console;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the program in-process and captures what it prints. */
final class AppRunner {
    record Result(int exitCode, String out, String err) {
    }

    private AppRunner() {
    }

    static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    /** Runs with the given bytes on standard input. */
    static Result runWithInput(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new Console(new java.io.ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
