package dev.digits.core.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset {@code digits data fetch} knows how to install: where its release archive is, and the SHA-256 of
 * every file it must contain (kept in the project, so a download is checked against what we tested with).
 *
 * @param name        the name users write, such as {@code fsdd}
 * @param url         the upstream release archive
 * @param folder      the folder inside the dataset that holds the files, such as {@code recordings}
 * @param manifest    file name to lower-case hex SHA-256
 * @param attribution how to credit the dataset
 */
public record KnownDataset(String name, String url, String folder, Map<String, String> manifest, String attribution) {

    public KnownDataset {
        manifest = Map.copyOf(manifest);
    }

    /** The Free Spoken Digit Dataset, release v1.0.10 (3000 recordings). */
    public static KnownDataset fsdd() {
        return new KnownDataset("fsdd",
                "https://github.com/Jakobovski/free-spoken-digit-dataset/archive/refs/tags/v1.0.10.tar.gz",
                "recordings",
                readManifest(KnownDataset.class.getResourceAsStream("fsdd.sha256")),
                "Free Spoken Digit Dataset (FSDD), Zohar Jackson and contributors, CC BY-SA 4.0");
    }

    public static KnownDataset byName(String name) {
        if (name.equalsIgnoreCase("fsdd")) {
            return fsdd();
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; known: fsdd");
    }

    /** Parses {@code sha256sum} output: {@code HEX  NAME} per line. */
    public static Map<String, String> readManifest(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("manifest resource missing from the jar");
        }
        Map<String, String> m = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+\\*?", 2);
                m.put(parts[1].trim(), parts[0].toLowerCase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
