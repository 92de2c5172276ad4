package dev.digits.core.dataset;

import dev.digits.core.fetch.TransferProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a dataset given by name ({@code fsdd}) on this machine, and, when built {@linkplain #fetchingMissing with
 * a fetcher}, installs a known dataset that is nowhere yet (first use). Looks in {@code $DIGITS_DATA/NAME} when
 * {@code DIGITS_DATA} is set (and only there); otherwise in {@code ~/.digits/datasets/NAME} and in
 * {@code shared/datasets/NAME} beside the working directory, the application's home, or any of their parents (the
 * layout of a checkout next to a shared data folder). A dataset installed by {@code digits data fetch} is checked
 * against the SHA-256 it recorded at installation.
 */
public final class DatasetLocator {
    private final List<Path> roots;
    private final DatasetFetcher fetcher;
    private final TransferProgress progress;

    public DatasetLocator(List<Path> roots) {
        this(roots, null, TransferProgress.NONE);
    }

    private DatasetLocator(List<Path> roots, DatasetFetcher fetcher, TransferProgress progress) {
        this.roots = List.copyOf(roots);
        this.fetcher = fetcher;
        this.progress = progress;
    }

    /**
     * The default search roots for this process, fetching a known dataset that is nowhere (first use) into
     * {@link #userDataDir()}, with progress as plain lines on standard error.
     */
    public static DatasetLocator defaults() {
        return searchRoots().fetchingMissing(new DatasetFetcher(System.err::println), TransferProgress.NONE);
    }

    /** The default search roots, never fetching. */
    public static DatasetLocator searchRoots() {
        List<Path> roots = new ArrayList<>();
        Optional<Path> configured = configuredDataDir();
        if (configured.isPresent()) {
            return new DatasetLocator(List.of(configured.get()));
        }
        roots.add(userDataDir());
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        String home = System.getProperty("digits.home");
        if (home != null) {
            starts.add(Path.of(home).toAbsolutePath());
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                Path shared = p.resolve("shared").resolve("datasets");
                if (!roots.contains(shared)) {
                    roots.add(shared);
                }
            }
        }
        return new DatasetLocator(roots);
    }

    /**
     * This locator, installing a known dataset that is not found into {@link #userDataDir()} with {@code fetcher}
     * (mirror first, then upstream), and showing the check of installed files on {@code progress}.
     */
    public DatasetLocator fetchingMissing(DatasetFetcher fetcher, TransferProgress progress) {
        return new DatasetLocator(roots, fetcher, progress);
    }

    /** Where {@code digits data fetch} installs datasets: {@code $DIGITS_DATA} when set, else {@code ~/.digits/datasets}. */
    public static Path userDataDir() {
        return configuredDataDir().orElse(Path.of(System.getProperty("user.home"), ".digits", "datasets"));
    }

    /** {@code DIGITS_DATA}, or the system property {@code digits.data} (which wins; for tests and embedding). */
    private static Optional<Path> configuredDataDir() {
        String value = System.getProperty("digits.data");
        if (value == null || value.isBlank()) {
            value = System.getenv("DIGITS_DATA");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    public List<Path> roots() {
        return roots;
    }

    /** The folder of the named dataset if it is on this machine; never fetches. */
    public Optional<Path> find(String name) {
        String dir = name.toLowerCase(Locale.ROOT);
        for (Path root : roots) {
            Path candidate = root.resolve(dir);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The folder of the named dataset: found, and checked against the checksums recorded at installation, or
     * fetched now when this locator fetches and the name is a known dataset.
     *
     * @throws IOException listing where it looked and how to get the data; or what failed while fetching; or the
     *                     files changed since installation
     */
    public Path locate(String name) throws IOException {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            InstalledChecksums.verify(name.toLowerCase(Locale.ROOT), found.get(), progress);
            return found.get();
        }
        Optional<KnownDataset> known = KnownDataset.find(name);
        if (fetcher != null && known.isPresent()) {
            return fetcher.fetch(known.get(), null, userDataDir(), false);
        }
        String dir = name.toLowerCase(Locale.ROOT);
        StringBuilder msg = new StringBuilder("dataset '" + name + "' not found; looked in:");
        for (Path root : roots) {
            msg.append("\n  ").append(root.resolve(dir));
        }
        msg.append(known.isPresent() ? "\nRun 'digits data fetch " + dir + "' to download it, or give dataset: {path: DIR}."
                : "\nKnown datasets (fetched on first use): " + String.join(", ", KnownDataset.NAMES)
                        + "; for your own data give dataset: {path: DIR}.");
        throw new IOException(msg.toString());
    }
}
