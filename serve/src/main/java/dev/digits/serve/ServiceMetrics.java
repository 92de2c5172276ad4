package dev.digits.serve;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters, written in the Prometheus text format: API requests by status, a histogram of
 * their latency, the work queue, open streams, digits streamed and the model being served.
 */
public final class ServiceMetrics {
    /** Histogram bucket bounds, in seconds. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<String, LongAdder> requests = new ConcurrentSkipListMap<>();
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder latencyCount = new LongAdder();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final LongAdder streamedDigits = new LongAdder();
    private final AtomicLong openStreams = new AtomicLong();
    private final String modelLabels;
    private final IntSupplier waiting;
    private final IntSupplier running;

    /**
     * @param extractor the served bundle's extractor name
     * @param model     its backend and model type, such as {@code tribuo svm}
     * @param waiting   work waiting for a worker now
     * @param running   work being done now
     */
    public ServiceMetrics(String extractor, String model, IntSupplier waiting, IntSupplier running) {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
        this.modelLabels = "extractor=\"" + escape(extractor) + "\",model=\"" + escape(model) + "\"";
        this.waiting = waiting;
        this.running = running;
    }

    /**
     * One finished API request.
     *
     * @param nanos from its arrival to its answer (waiting for a worker included), or negative for a refused request
     *              (not in the latency histogram)
     */
    public void request(String route, int status, long nanos) {
        requests.computeIfAbsent("route=\"" + escape(route) + "\",status=\"" + status + "\"", k -> new LongAdder())
                .increment();
        if (nanos >= 0) {
            latency(nanos);
        }
    }

    private void latency(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        buckets[i].increment();
        latencyCount.increment();
        latencyNanos.addAndGet(nanos);
    }

    /**
     * Counts a new stream if fewer than {@code max} are open, atomically (so that many upgrades at once never open more
     * than {@code max}); false when the limit is reached.
     */
    public boolean tryOpenStream(int max) {
        while (true) {
            long open = openStreams.get();
            if (open >= max) {
                return false;
            }
            if (openStreams.compareAndSet(open, open + 1)) {
                return true;
            }
        }
    }

    public void streamClosed() {
        openStreams.decrementAndGet();
    }

    public long openStreams() {
        return openStreams.get();
    }

    public void digitStreamed() {
        streamedDigits.increment();
    }

    /** Everything, in the Prometheus text exposition format (version 0.0.4). */
    public String prometheusText() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP digits_requests_total API requests by route and status.\n");
        sb.append("# TYPE digits_requests_total counter\n");
        requests.forEach((labels, n) -> sb.append("digits_requests_total{").append(labels).append("} ")
                .append(n.sum()).append('\n'));
        sb.append("# HELP digits_request_seconds Time from a recognition request's arrival to its answer, waiting for a worker included.\n");
        sb.append("# TYPE digits_request_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            String le = i < BOUNDS.length ? String.valueOf(BOUNDS[i]) : "+Inf";
            sb.append("digits_request_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "digits_request_seconds_sum %.6f%n", latencyNanos.get() / 1e9));
        sb.append("digits_request_seconds_count ").append(latencyCount.sum()).append('\n');
        gauge(sb, "digits_queue_waiting", "Recordings waiting for a worker.", waiting.getAsInt());
        gauge(sb, "digits_queue_running", "Recordings being recognised.", running.getAsInt());
        gauge(sb, "digits_streams_open", "WebSocket streams open.", openStreams.get());
        sb.append("# HELP digits_streamed_digits_total Digits sent on WebSocket streams.\n");
        sb.append("# TYPE digits_streamed_digits_total counter\n");
        sb.append("digits_streamed_digits_total ").append(streamedDigits.sum()).append('\n');
        sb.append("# HELP digits_model_info The model being served.\n");
        sb.append("# TYPE digits_model_info gauge\n");
        sb.append("digits_model_info{").append(modelLabels).append("} 1\n");
        return sb.toString();
    }

    private static void gauge(StringBuilder sb, String name, String help, long value) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" gauge\n");
        sb.append(name).append(' ').append(value).append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
