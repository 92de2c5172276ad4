package dev.digits.serve;

import java.util.List;

/**
 * How a recognition server runs.
 *
 * @param host            the address to listen on ({@code 127.0.0.1}: this machine only)
 * @param port            the port ({@code 0}: any free one)
 * @param threads         worker threads that recognise uploads
 * @param queue           uploads that may wait for a worker; past it, requests get 503 at once
 * @param maxBodyBytes    the largest request body accepted (413 past it)
 * @param maxStreams      WebSocket streams open at once (past it, a new one is closed with 1013, try again later)
 * @param maxStreamSeconds the longest a WebSocket stream may run, in seconds of audio
 * @param token           the bearer token every API call must carry, or {@code null} for none
 * @param topK            labels listed with their probabilities in each result
 * @param allowedOrigins  web-page origins besides the server's own whose scripts may call the API ({@code *}: any);
 *                        none by default, so that a page the user happens to visit cannot use a local server
 * @param connections     what one client and all clients together may hold of the server
 */
public record ServeSettings(String host, int port, int threads, int queue, long maxBodyBytes, int maxStreams,
                            int maxStreamSeconds, String token, int topK, List<String> allowedOrigins,
                            ConnectionLimits connections) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_QUEUE = 64;
    public static final long DEFAULT_MAX_BODY_BYTES = 5L << 20;
    public static final int DEFAULT_MAX_STREAM_SECONDS = 3600;
    public static final int DEFAULT_TOP_K = 3;

    public ServeSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        java.util.Objects.requireNonNull(connections, "connections");
        if (threads < 1 || queue < 0 || maxBodyBytes < 1 || maxStreams < 1 || maxStreamSeconds < 1 || topK < 1) {
            throw new IllegalArgumentException("threads, maxStreams, maxStreamSeconds, topK and maxBodyBytes must be "
                    + "positive and queue at least 0");
        }
    }

    /** Defaults for this machine: one worker per core, streams up to twice that. */
    public static ServeSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServeSettings(DEFAULT_HOST, DEFAULT_PORT, cores, DEFAULT_QUEUE, DEFAULT_MAX_BODY_BYTES, 2 * cores,
                DEFAULT_MAX_STREAM_SECONDS, null, DEFAULT_TOP_K, List.of(), ConnectionLimits.defaults());
    }

    public ServeSettings withPort(int port) {
        return new ServeSettings(host, port, threads, queue, maxBodyBytes, maxStreams, maxStreamSeconds, token, topK,
                allowedOrigins, connections);
    }

    public ServeSettings withToken(String token) {
        return new ServeSettings(host, port, threads, queue, maxBodyBytes, maxStreams, maxStreamSeconds, token, topK,
                allowedOrigins, connections);
    }

    public ServeSettings withConnections(ConnectionLimits connections) {
        return new ServeSettings(host, port, threads, queue, maxBodyBytes, maxStreams, maxStreamSeconds, token, topK,
                allowedOrigins, connections);
    }

    /** Whether a page of {@code origin} (not the server's own) may call the API. */
    public boolean allows(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.contains(origin);
    }

    public ServeSettings withLimits(int threads, int queue, long maxBodyBytes) {
        return new ServeSettings(host, port, threads, queue, maxBodyBytes, maxStreams, maxStreamSeconds, token, topK,
                allowedOrigins, connections);
    }
}
