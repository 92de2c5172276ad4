package dev.digits.app.experiment;

import java.io.PrintStream;

/**
 * A progress display on standard error: redrawn in place on a terminal, printed every 10% otherwise (logs
 * and CI). Thread-safe.
 */
public final class ProgressLine {
    private final PrintStream err;
    private final boolean terminal;
    private String label = "";
    private int lastTenth = -1;
    private long lastDraw;

    public ProgressLine(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    public synchronized void start(String label) {
        this.label = label;
        this.lastTenth = -1;
    }

    /** Shows {@code done/total} with an optional detail (loss, accuracy). */
    public synchronized void update(int done, int total, String detail) {
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 24;
            int filled = total == 0 ? width : done * width / total;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
                    + (detail == null ? "" : "  " + detail) + "   ");
            if (done >= total) {
                err.println();
            }
            err.flush();
        } else if (tenth != lastTenth && (tenth > lastTenth)) {
            lastTenth = tenth;
            err.println(label + " " + done + "/" + total + (detail == null ? "" : "  " + detail));
        }
    }
}
