package dev.digits.core.dataset;

import dev.digits.core.fetch.Sha256;
import dev.digits.core.fetch.TransferProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code SHA256SUMS} file {@code digits data fetch} writes into an installed dataset (one {@code HEX  PATH} line
 * per file, paths relative to the dataset folder), and the check of it on later use: a file changed or removed
 * since installation is named instead of silently changing results.
 */
public final class InstalledChecksums {
    public static final String FILE_NAME = "SHA256SUMS";

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
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sums)) {
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (parts.length == 2) {
                expected.put(parts[1], parts[0].toLowerCase());
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path f = root.resolve(e.getKey());
            if (!Files.isRegularFile(f) && !e.getKey().contains("/")) {
                f = root.resolve("recordings").resolve(e.getKey()); // written by earlier versions: base names
            }
            if (!Files.isRegularFile(f)) {
                missing.add(e.getKey());
            } else if (!Sha256.of(f).equals(e.getValue())) {
                changed.add(e.getKey());
            }
            progress.update("verify " + name, ++done, expected.size());
        }
        if (!missing.isEmpty() || !changed.isEmpty()) {
            StringBuilder msg = new StringBuilder("dataset " + root + " differs from what was installed:");
            if (!missing.isEmpty()) {
                msg.append(' ').append(missing.size()).append(" file(s) missing (first: ").append(missing.get(0)).append(')');
            }
            if (!changed.isEmpty()) {
                msg.append(' ').append(changed.size()).append(" file(s) changed (first: ").append(changed.get(0)).append(')');
            }
            throw new IOException(msg.append("; reinstall it with 'digits data fetch ").append(name).append(" --force'").toString());
        }
    }
}
