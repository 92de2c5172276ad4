package dev.digits.core.fetch;

/** Receives how far a long transfer or check has got: {@code done} of {@code total} units ({@code total} -1 when unknown). */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (label, done, total) -> { };

    /**
     * @param label what is being transferred, such as {@code download v1.0.10.tar.gz}
     * @param done  bytes (or files) done so far
     * @param total bytes (or files) in all, or -1 when the server did not say
     */
    void update(String label, long done, long total);
}
