package dev.digits.core.fetch;

/**
 * Where downloads that start deep inside a plugin (pre-trained model files fetched on first use) show their
 * progress. The application sets it once at start (a progress bar on a terminal); by default nothing is shown.
 */
public final class TransferDisplay {
    private static volatile TransferProgress current = TransferProgress.NONE;

    private TransferDisplay() {
    }

    /** Shows every later plugin download on {@code progress}. */
    public static void use(TransferProgress progress) {
        current = progress == null ? TransferProgress.NONE : progress;
    }

    public static TransferProgress current() {
        return current;
    }
}
