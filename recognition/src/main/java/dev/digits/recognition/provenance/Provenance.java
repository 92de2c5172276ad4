package dev.digits.recognition.provenance;

import dev.digits.core.fetch.Sha256;
import dev.digits.api.plugin.Plugin;
import dev.digits.recognition.provenance.BuildInfo;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.recognition.provenance.RunProvenance.DatasetProvenance;
import dev.digits.recognition.provenance.RunProvenance.ExtractorProvenance;
import dev.digits.recognition.provenance.RunProvenance.SoftwareProvenance;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.features.FeatureCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts provenance records about software and data, gathered the same way for runs and bundles. */
public final class Provenance {
    private Provenance() {
    }

    /** Java, OS, this build's version and commit, and each plugin's own version by plugin name. */
    public static SoftwareProvenance software(Plugin... plugins) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Plugin p : plugins) {
            if (p != null) {
                versions.put(p.name(), p.version());
            }
        }
        BuildInfo build = BuildInfo.current();
        return new SoftwareProvenance(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), build.version(), versions,
                build.gitCommit(), build.gitDirty());
    }

    /** An extractor as provenance records it, with the SHA-256 of the files its numbers depend on. */
    public static ExtractorProvenance extractor(String id, FeatureExtractor extractor) throws IOException {
        return new ExtractorProvenance(id, extractor.name(), extractor.revision(), extractor.parameters(),
                fileHashes(extractor));
    }

    /** The SHA-256 of each of an extractor's files (computed once per file and process). */
    public static Map<String, String> fileHashes(FeatureExtractor extractor) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : extractor.files().entrySet()) {
            Path p = f.getValue().toAbsolutePath().normalize();
            String h = FILE_HASHES.get(p);
            if (h == null) {
                h = Sha256.of(p);
                FILE_HASHES.put(p, h);
            }
            hashes.put(f.getKey(), h);
        }
        return hashes;
    }

    private static final Map<Path, String> FILE_HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The data a model was trained (and tested) on: its folder and layout, the files used, the bad ones, and a
     * SHA-256 over every used file's content and name (training-only files outside the dataset by name alone,
     * so the digest does not depend on where those folders are).
     *
     * @param badFiles files of the corpus that could not be used
     */
    public static DatasetProvenance dataset(Path root, CorpusLayout layout, List<CorpusEntry> used, int badFiles,
                                            List<String> extraTraining, List<String> include) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (CorpusEntry e : used) {
            listing.append(FeatureCache.sha256(Files.readAllBytes(e.path()))).append("  ")
                    .append(e.path().startsWith(root) ? root.relativize(e.path()) : "extra/" + e.path().getFileName())
                    .append('\n');
        }
        return new DatasetProvenance(root.toAbsolutePath().normalize().toString(), layout.id(), used.size(), badFiles,
                FeatureCache.sha256(listing.toString().getBytes(StandardCharsets.UTF_8)),
                extraTraining.isEmpty() ? null : List.copyOf(extraTraining), include.isEmpty() ? null : List.copyOf(include));
    }
}
