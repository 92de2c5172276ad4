package dev.digits.core.fetch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A hidden folder beside an install target where files are fetched and checked, then moved into place in one
 * step, so a failure leaves nothing half-installed. Used by every installer (datasets, model files).
 */
public final class StagingFolder {
    private StagingFolder() {
    }

    /** Staging folders untouched for longer than this were left by a fetch that was killed. */
    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(10);

    /**
     * A new hidden folder {@code .NAME.partial-XXXX} in {@code parent}, after removing those of {@code name} that
     * fetches killed before they finished left behind ({@link #LEFTOVER_AGE} untouched, so another process's fetch in
     * progress is spared).
     */
    public static Path create(Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        java.time.Instant before = java.time.Instant.now().minus(LEFTOVER_AGE);
        try (Stream<Path> old = Files.list(parent)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("." + name + ".partial-")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    delete(p);
                }
            }
        }
        return Files.createTempDirectory(parent, "." + name + ".partial-");
    }

    /**
     * Replaces {@code target} (if any) with {@code staging}: atomically where the file system can. The folder gets
     * the permissions any new folder there gets (the user's umask), not the owner-only ones of a staging folder.
     */
    public static void moveIntoPlace(Path staging, Path target) throws IOException {
        usualPermissions(staging);
        if (Files.exists(target)) {
            delete(target);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
    }

    /** Gives {@code folder} the permissions of a folder newly made beside it, where the file system has them. */
    private static void usualPermissions(Path folder) throws IOException {
        if (!Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Path probe = Files.createTempFile(folder.getParent(), ".permissions-", "");
        Files.delete(probe);
        Files.createDirectory(probe); // permissions as the umask leaves them
        try {
            Files.setPosixFilePermissions(folder, Files.getPosixFilePermissions(probe));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
