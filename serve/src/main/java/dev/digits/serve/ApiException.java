package dev.digits.serve;

/** A request the API refuses: the HTTP status and a message for the caller (sent as JSON). */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
