package dev.digits.serve;

/**
 * What the server gives any one client, and all of them together, so that slow or many clients cannot starve the
 * others.
 *
 * @param maxConnections   connections open at once, over all clients; past it the server stops accepting until one
 *                         closes
 * @param perClient        requests of one client address handled at once; more wait their turn without holding a
 *                         thread
 * @param minBodyRate      the slowest a request body may arrive, in bytes per second, averaged from the start of the
 *                         request; a slower one is answered 408 and closed
 * @param drainSeconds     on shutdown, how long accepted requests have to finish before the server stops anyway
 */
public record ConnectionLimits(int maxConnections, int perClient, int minBodyRate, int drainSeconds) {
    public static final int DEFAULT_MAX_CONNECTIONS = 512;
    public static final int DEFAULT_PER_CLIENT = 32;
    public static final int DEFAULT_MIN_BODY_RATE = 1024;
    public static final int DEFAULT_DRAIN_SECONDS = 10;

    public ConnectionLimits {
        if (maxConnections < 1 || perClient < 1 || minBodyRate < 0 || drainSeconds < 0) {
            throw new IllegalArgumentException("maxConnections and perClient must be positive, minBodyRate and "
                    + "drainSeconds at least 0; got " + maxConnections + ", " + perClient + ", " + minBodyRate + ", "
                    + drainSeconds);
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_PER_CLIENT, DEFAULT_MIN_BODY_RATE,
                DEFAULT_DRAIN_SECONDS);
    }
}
