package dev.digits.recognition.bundle;

import dev.digits.core.features.FeatureCache;
import dev.digits.core.fetch.Sha256;
import dev.digits.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The extractor files a bundle carries (model weights), unpacked once where the extractor can read them. */
final class BundledFiles {
    private BundledFiles() {
    }

    /**
     * The bundle's extractor files in a folder named by their hashes under the models folder, written once
     * (atomically) and checked against bundle.json.
     */
    static Path unpack(Path bundle, Map<String, String> hashes, Map<String, byte[]> files) throws IOException {
        String id = FeatureCache.sha256(String.join(",", new java.util.TreeMap<>(hashes).values())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        Path folder = bundledFilesRoot().resolve(id);
        for (Map.Entry<String, String> h : hashes.entrySet()) {
            byte[] content = files.get(h.getKey());
            if (content == null) {
                throw new IOException(bundle + ": incomplete model bundle (no " + ModelBundle.FILES + h.getKey() + ")");
            }
            if (!FeatureCache.sha256(content).equals(h.getValue())) {
                throw new IOException(bundle + ": corrupt model bundle (" + ModelBundle.FILES + h.getKey() + " does not match its SHA-256)");
            }
            Path target = folder.resolve(h.getKey()).normalize();
            if (!target.getParent().equals(folder.normalize())) { // bundle.json's keys were checked: never reached
                throw new IOException(bundle + ": corrupt model bundle (the extractor file '" + h.getKey()
                        + "' names a path)");
            }
            if (!Files.isRegularFile(target) || !Sha256.of(target).equals(h.getValue())) {
                Files.createDirectories(folder);
                AtomicFiles.write(target, content);
            }
        }
        return folder;
    }

    /** Where bundles' extractor files are unpacked: {@code $DIGITS_DATA/models/bundled}, else {@code ~/.digits}. */
    private static Path bundledFilesRoot() {
        String data = System.getenv("DIGITS_DATA");
        Path root = data != null && !data.isBlank() ? Path.of(data) : Path.of(System.getProperty("user.home"), ".digits");
        return root.resolve("models").resolve("bundled");
    }

}
