package dev.digits.core.dataset;

import dev.digits.core.fetch.Sha256;
import dev.digits.core.fetch.TransferProgress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code SHA256SUMS} file {@code digits data fetch} writes into an installed dataset (one {@code HEX  PATH} line
 * per file, paths relative to the dataset folder), and the check of it on later use: a file changed or removed
 * since installation is named instead of silently changing results.
 */
public final class InstalledChecksums {
    public static final String FILE_NAME = "SHA256SUMS";

    /** Folders found intact in this process, with the sizes and times of their files then: not hashed again. */
    private static final Map<Path, Long> VERIFIED = new ConcurrentHashMap<>();

    private InstalledChecksums() {
    }

    /** Records the SHA-256 of every file under {@code root} (but the checksum file and the README). */
    public static void write(Path root, TransferProgress progress) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.equals(root.resolve(FILE_NAME)) && !p.equals(root.resolve("README.md")))
                    .sorted().toList();
        }
        StringBuilder sb = new StringBuilder();
        int done = 0;
        for (Path f : files) {
            sb.append(Sha256.of(f)).append("  ").append(root.relativize(f).toString().replace('\\', '/')).append('\n');
            progress.update("checksums", ++done, files.size());
        }
        Files.writeString(root.resolve(FILE_NAME), sb.toString());
    }

    /**
     * Checks an installed dataset against its {@code SHA256SUMS}; does nothing for a folder without one (a dataset
     * the user placed by hand).
     *
     * @throws IOException naming the files that are missing or changed, and how to reinstall
     */
    public static void verify(String name, Path root, TransferProgress progress) throws IOException {
        Path sums = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(sums)) {
            return;
        }
        Map<String, String> expected;
        try (InputStream in = Files.newInputStream(sums)) {
            expected = KnownDataset.readManifest(in);
        }
        // paths relative to the dataset folder; base names (earlier versions) are FSDD's recordings
        Function<String, Path> locate = file -> file.contains("/") || Files.exists(root.resolve(file))
                ? root.resolve(file) : root.resolve("recordings").resolve(file);
        Path key = root.toAbsolutePath().normalize();
        long stamp = stamp(expected.keySet(), locate) * 31 + modified(sums);
        if (Long.valueOf(stamp).equals(VERIFIED.get(key))) {
            return;
        }
        Sha256.Differences d = Sha256.compare(expected, locate, progress, "verify " + name);
        if (d.none()) {
            VERIFIED.put(key, stamp);
        } else {
            StringBuilder msg = new StringBuilder("dataset " + root + " differs from what was installed:");
            if (!d.missing().isEmpty()) {
                msg.append(' ').append(d.missing().size()).append(" file(s) missing (first: ").append(d.missing().get(0)).append(')');
            }
            if (!d.changed().isEmpty()) {
                msg.append(' ').append(d.changed().size()).append(" file(s) changed (first: ").append(d.changed().get(0)).append(')');
            }
            throw new IOException(msg.append("; reinstall it with 'digits data fetch ").append(name).append(" --force'").toString());
        }
    }

    /** A number that changes when any listed file's size or modification time does (cheap: no content read). */
    private static long stamp(Iterable<String> files, Function<String, Path> locate) throws IOException {
        long stamp = 17;
        for (String f : files) {
            Path p = locate.apply(f);
            stamp = stamp * 31 + (Files.isRegularFile(p) ? Files.size(p) * 1_000_003L + modified(p) : -1);
        }
        return stamp;
    }

    private static long modified(Path p) throws IOException {
        return Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS);
    }
}
