package dev.digits.experiment.console;

import java.io.PrintStream;

/**
 * What this process knows about the terminal it prints to. The {@code digits} launcher says whether standard
 * error is a terminal ({@code -Ddigits.terminal}) and how wide it is ({@code -Ddigits.columns}), since Java cannot
 * tell for standard error alone; run some other way, Java's console check decides.
 */
public final class Terminal {
    private static final PrintStream STDERR = System.err;

    private Terminal() {
    }

    /** Standard error as the program started with it (the stream progress bars may draw on). */
    public static PrintStream stderr() {
        return STDERR;
    }

    /** Whether standard error is an interactive terminal that can redraw a line. */
    public static boolean interactive() {
        String told = System.getProperty("digits.terminal");
        if (told != null && !told.isBlank()) {
            return Boolean.parseBoolean(told);
        }
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("CI") == null && !"dumb".equals(term);
    }

    /** The terminal's width in columns (80 when unknown). */
    public static int columns() {
        for (String value : new String[] {System.getProperty("digits.columns"), System.getenv("COLUMNS")}) {
            try {
                if (value != null && Integer.parseInt(value.trim()) > 20) {
                    return Integer.parseInt(value.trim());
                }
            } catch (NumberFormatException e) {
                // not a number: try the next source
            }
        }
        return 80;
    }
}
