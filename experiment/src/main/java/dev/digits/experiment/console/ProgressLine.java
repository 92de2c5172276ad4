package dev.digits.experiment.console;

import dev.digits.core.fetch.TransferProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * Progress of one task at a time on standard error: a progress bar (the {@code progressbar} library) when
 * standard error is a terminal, else a plain line every 10% (CI, pipes, log files). Thread-safe.
 */
public final class ProgressLine {
    private final PrintStream err;
    private final boolean terminal;
    private String label = "";
    private int lastTenth = -1;
    private ProgressBar bar;

    /** A display on {@code err}, with bars only when {@code err} is this process's standard error on a terminal. */
    public ProgressLine(PrintStream err) {
        this(err, err == Terminal.stderr() && Terminal.interactive());
    }

    /** A display that draws bars on {@code err} whatever it is (for a stream known to reach a terminal, and tests). */
    public static ProgressLine onTerminal(PrintStream err) {
        return new ProgressLine(err, true);
    }

    private ProgressLine(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Starts a new task, ending the previous one. */
    public synchronized void start(String label) {
        finish();
        this.label = label;
        this.lastTenth = -1;
    }

    /** Shows {@code done/total} with an optional detail (loss, accuracy). */
    public synchronized void update(long done, long total, String detail) {
        if (terminal) {
            if (bar == null) {
                bar = newBar(label, total, 1, "");
            }
            bar.maxHint(total);
            bar.stepTo(done);
            if (detail != null) {
                bar.setExtraMessage(detail);
            }
            if (total >= 0 && done >= total) {
                finish();
            }
            return;
        }
        int tenth = total <= 0 ? 10 : (int) (done * 10 / total);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(label + " " + done + "/" + total + (detail == null ? "" : "  " + detail));
        }
    }

    /** Ends the current task's bar (a finished bar stays on screen). */
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /**
     * This display as the receiver of download, unpack and verification progress: bytes are shown in MB with the
     * speed, file counts as they are.
     */
    public TransferProgress transfers() {
        return new TransferProgress() {
            private String current;

            @Override
            public void update(String what, long done, long total) {
                synchronized (ProgressLine.this) {
                    boolean bytes = what.startsWith("download") || what.startsWith("unpack");
                    if (!what.equals(current)) {
                        current = what;
                        start(what);
                        if (terminal && bytes) {
                            bar = newBar(what, total, 1_000_000, " MB");
                        }
                    }
                    if (!terminal && !what.startsWith("download")) {
                        return; // unpacking and checking are quick next to a download: no lines in logs
                    }
                    if (bytes && !terminal) {
                        int tenth = total <= 0 ? 0 : (int) (done * 10 / total);
                        if (tenth > lastTenth) {
                            lastTenth = tenth;
                            err.printf("%s %d%% of %.1f MB%n", what, tenth * 10, total / 1e6);
                        }
                    } else {
                        ProgressLine.this.update(done, total, null);
                    }
                }
            }
        };
    }

    private ProgressBar newBar(String task, long total, long unitSize, String unit) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(err, Terminal.columns()));
        if (unitSize > 1) {
            b.setUnit(unit, unitSize).showSpeed();
        }
        return b.build();
    }
}
