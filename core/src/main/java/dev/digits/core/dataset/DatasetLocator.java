package dev.digits.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a dataset given by name ({@code fsdd}) on this machine. Looks, in order, in
 * {@code $DIGITS_DATA/NAME}, {@code ~/.digits/datasets/NAME}, and in {@code shared/datasets/NAME} beside the
 * working directory, the application's home, or any of their parents (the layout of a checkout next to a
 * shared data folder).
 */
public final class DatasetLocator {
    private final List<Path> roots;

    public DatasetLocator(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The default search roots for this process. */
    public static DatasetLocator defaults() {
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("DIGITS_DATA");
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env));
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

    /** Where {@code digits data fetch} installs datasets by default: {@code ~/.digits/datasets}. */
    public static Path userDataDir() {
        String env = System.getenv("DIGITS_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".digits", "datasets");
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * The folder of the named dataset.
     *
     * @throws IOException listing where it looked, and how to get the data, if it is nowhere
     */
    public Path locate(String name) throws IOException {
        String dir = name.toLowerCase(Locale.ROOT);
        for (Path root : roots) {
            Path candidate = root.resolve(dir);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        StringBuilder msg = new StringBuilder("dataset '" + name + "' not found; looked in:");
        for (Path root : roots) {
            msg.append("\n  ").append(root.resolve(dir));
        }
        msg.append("\nRun 'digits data fetch ").append(dir).append("' to download it, or give dataset: {path: DIR}.");
        throw new IOException(msg.toString());
    }
}
