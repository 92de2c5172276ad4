package dev.digits.core.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a download's body, closing it when no data has come for a while: a stalled server would otherwise hold a
 * read forever (the HTTP client's timeouts end with the response headers).
 */
final class StallWatch implements AutoCloseable {
    private final InputStream in;
    private final long stallNanos;
    private final ScheduledExecutorService timer;
    private volatile long lastData = System.nanoTime();
    private volatile boolean stalled;

    StallWatch(InputStream in, int stallSeconds) {
        this.in = in;
        this.stallNanos = TimeUnit.SECONDS.toNanos(stallSeconds);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "digits-download-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::check, 200, 200, TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (System.nanoTime() - lastData > stallNanos) {
            stalled = true;
            try {
                in.close();
            } catch (IOException e) {
                // the read that is waiting fails either way
            }
        }
    }

    /** Reads as {@link InputStream#read(byte[])} does; a stall ends it with an IOException that says so. */
    int read(byte[] buf) throws IOException {
        try {
            int n = in.read(buf);
            lastData = System.nanoTime();
            if (stalled) {
                throw new IOException("stalled");
            }
            return n;
        } catch (IOException e) {
            if (stalled) {
                throw new IOException("no data for " + TimeUnit.NANOSECONDS.toSeconds(stallNanos)
                        + " s (stalled; run again to resume)", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
