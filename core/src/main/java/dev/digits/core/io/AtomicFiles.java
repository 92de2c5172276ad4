package dev.digits.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Writes files so that readers see the old content or the new, never half of it: the content goes to a
 * temporary file in the same folder ({@code .NAME*.part}), which is then moved over the target. A process killed
 * mid-write leaves its temporary file behind; {@link #removeLeftovers} clears them.
 */
public final class AtomicFiles {
    private static final String PART = ".part";

    /** Writes the content of a file, given the temporary path to write it to. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Checks now that {@link #write} will be able to write {@code target} later (its folder can be made and written
     * to, and it is not a folder), so that a long computation does not end in "cannot write".
     *
     * @throws IOException "cannot write TARGET: why"
     */
    public static void checkWritable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write " + target + ": it is a folder");
        }
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "." + target.getFileName(), PART));
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + (e instanceof java.nio.file.AccessDeniedException
                    ? "permission denied in " + target.toAbsolutePath().getParent() : e.getMessage()), e);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> Files.write(tmp, bytes));
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), PART);
        try {
            writer.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a full disk says only "No space left on device": name the file and the folder it was going to
            if (e.getClass() == IOException.class) {
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files that writes into {@code dir} (not its subfolders) left behind when their process
     * was killed, if last modified longer than {@code olderThan} ago (so writes in progress in another process are
     * spared; {@link Duration#ZERO} when the caller holds the folder alone). Best effort: files that cannot be
     * deleted stay.
     *
     * @return how many were deleted
     */
    public static int removeLeftovers(Path dir, Duration olderThan) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        FileTime before = FileTime.from(Instant.now().minus(olderThan));
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(PART)).toList()) {
                try {
                    if (Files.getLastModifiedTime(f).compareTo(before) <= 0 && Files.deleteIfExists(f)) {
                        removed++;
                    }
                } catch (IOException e) {
                    // stays; it is only clutter
                }
            }
        } catch (IOException e) {
            // an unlistable folder has nothing we could remove
        }
        return removed;
    }
}
