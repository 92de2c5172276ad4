package dev.digits.serve;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

import java.io.EOFException;
import java.util.Optional;

/**
 * Which exceptions a request's own faults raise inside Jetty and the servlet layer: a malformed body (multipart, chunk
 * sizes), a header Jetty cannot parse, a client that went away mid-body. They are answered 4xx and counted as the
 * client's, never as the server's 500.
 */
final class ClientFaults {
    private ClientFaults() {
    }

    /** The 4xx answer for a client's fault somewhere in {@code e}'s causes, or empty for a fault of the server. */
    static Optional<ApiException> of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return Optional.of(new ApiException(bad.getCode(), bad.getCode() == 408
                        ? "the request body came too slowly (" + bad.getReason() + "); see docs/serving.md"
                        : "malformed request: " + bad.getReason()));
            }
            if (t instanceof EofException || t instanceof EOFException) {
                return Optional.of(new ApiException(400, "the request body ended early (the client closed the "
                        + "connection)"));
            }
        }
        return Optional.empty();
    }
}
