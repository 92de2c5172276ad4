package dev.digits.experiment.run;

import dev.digits.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * A run's output folder, held by one run at a time: an exclusive lock on {@code DIR/.lock} from before the first
 * cell until the report is written, so two runs never interleave their cells in one folder. Default folders are
 * made unique when created ({@code NAME-TIMESTAMP}, then {@code -2}, {@code -3} ... when that name is taken).
 */
public final class RunFolder implements AutoCloseable {
    static final String LOCK_FILE = ".lock";
    /** The run's log: every library log record and native library message of the run. */
    public static final String LOG_FILE = "digits.log";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final boolean created;
    private final FileChannel channel;
    private final FileLock lock;

    private RunFolder(Path dir, boolean created, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates a new folder {@code parent/NAME-TIMESTAMP} (or with a suffix, if taken) and locks it. */
    public static RunFolder createUnique(Path parent, String name, LocalDateTime now) throws IOException {
        Files.createDirectories(parent);
        String base = name + "-" + now.format(STAMP);
        for (int n = 1; ; n++) {
            Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            return lock(candidate, true);
        }
    }

    /** Locks a given folder (created when missing); fails naming the folder when another run holds it. */
    public static RunFolder open(Path dir) throws IOException {
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        return lock(dir, created);
    }

    private static RunFolder lock(Path dir, boolean created) throws IOException {
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw new IOException(dir + ": cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            throw new IOException(dir + " is in use by another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait for it to finish or give another --out");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
        // the folder is this run's alone now: temporary files in it are from a write that was killed
        AtomicFiles.removeLeftovers(dir, Duration.ZERO);
        AtomicFiles.removeLeftovers(dir.resolve("cells"), Duration.ZERO);
        return new RunFolder(dir, created, channel, lock);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Releases the lock. A folder this run created and left without any result (the run failed before its first
     * cell: only the lock and the log in it) is removed, so failed starts leave no empty folders behind.
     */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
        if (created) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.allMatch(p -> p.getFileName().toString().equals(LOCK_FILE)
                        || p.getFileName().toString().equals(LOG_FILE))) {
                    Files.deleteIfExists(dir.resolve(LOG_FILE));
                    Files.deleteIfExists(dir.resolve(LOCK_FILE));
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException anotherRunStarted) {
                        // another run took the folder over meanwhile: it is theirs now
                    }
                }
            }
        }
    }
}
