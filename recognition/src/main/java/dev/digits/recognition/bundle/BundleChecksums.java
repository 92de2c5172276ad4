package dev.digits.recognition.bundle;

import dev.digits.core.features.FeatureCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bundle's {@code SHA256SUMS}: the SHA-256 of every other entry, in {@code sha256sum}'s format. */
final class BundleChecksums {
    private BundleChecksums() {
    }

    /** The {@code SHA256SUMS} entry for these entries. */
    static byte[] of(Map<String, byte[]> entries) {
        StringBuilder sums = new StringBuilder();
        entries.forEach((name, bytes) -> sums.append(FeatureCache.sha256(bytes)).append("  ").append(name).append('\n'));
        return sums.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every entry as {@code SHA256SUMS} lists it, and nothing added or missing (bundles from before checksums
     * have none and are read as they are).
     */
    static void verify(Path file, String sums, Map<String, String> actual) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : sums.split("\n")) {
            if (!line.isBlank()) {
                int space = line.indexOf("  ");
                if (space < 0) {
                    throw new IOException(file + ": corrupt model bundle (" + ModelBundle.CHECKSUMS + " has a malformed line)");
                }
                expected.put(line.substring(space + 2), line.substring(0, space));
            }
        }
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().equals(actual.get(e.getKey()))) {
                changed.add(e.getKey() + (actual.containsKey(e.getKey()) ? "" : " (missing)"));
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                changed.add(name + " (added)");
            }
        }
        if (!changed.isEmpty()) {
            throw new IOException(file + ": " + String.join(", ", changed) + " differ" + (changed.size() == 1 ? "s" : "")
                    + " from what the bundle was written with (edited by hand or damaged); bundles are not edited: "
                    + "train (or adapt) a new one");
        }
    }

}
