package dev.digits.core.dataset;

import dev.digits.core.fetch.HttpDownload;
import dev.digits.core.fetch.Mirror;
import dev.digits.core.fetch.Sha256;
import dev.digits.core.fetch.StagingFolder;
import dev.digits.core.fetch.TransferProgress;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs a {@link KnownDataset} from its upstream archive, a mirror ({@code DIGITS_MIRROR}), a URL, a local archive
 * ({@code .tar.gz}, {@code .tar} or {@code .zip}) or a local folder. Everything is checked before the dataset
 * appears (against the manifest, or the expected structure with every file a readable WAV): files are unpacked
 * into a hidden staging folder and moved into place only when they pass, so a failed fetch leaves nothing
 * half-installed. An interrupted download is kept beside the install folder and resumed by the next fetch.
 */
public final class DatasetFetcher {
    private final Consumer<String> log;
    private final TransferProgress progress;
    private final Optional<Mirror> mirror;

    /** @param log receives progress lines; no progress bars, the configured mirror */
    public DatasetFetcher(Consumer<String> log) {
        this(log, TransferProgress.NONE, Mirror.configured());
    }

    /**
     * @param log      receives one-line messages (what is being fetched, what was installed)
     * @param progress receives download and verification progress
     * @param mirror   tried before upstream when no source is given
     */
    public DatasetFetcher(Consumer<String> log, TransferProgress progress, Optional<Mirror> mirror) {
        this.log = log;
        this.progress = progress;
        this.mirror = mirror;
    }

    /**
     * Fetches and installs the dataset as {@code installRoot/NAME}.
     *
     * @param from  {@code null} for the mirror (when set) then upstream, else an http(s)/file URL or a local archive
     *              or folder
     * @param force replace an existing installation
     * @return the installed folder
     * @throws IOException with the reason (download failed, corrupt archive, missing or altered files); without
     *                     {@code from}, one line naming every source tried and the ways out
     */
    public Path fetch(KnownDataset dataset, String from, Path installRoot, boolean force) throws IOException {
        Path target = installRoot.resolve(dataset.name());
        if (Files.exists(target) && !force) {
            throw new IOException(target + " already exists; use --force to replace it");
        }
        Files.createDirectories(installRoot);
        if (from != null) {
            return install(dataset, from, installRoot, target);
        }
        log.accept("fetching dataset " + dataset.name() + " into " + target + " (once; DIGITS_MIRROR or 'digits data fetch "
                + dataset.name() + " --from' to use a local copy)");
        List<String> sources = new ArrayList<>();
        mirror.ifPresent(m -> sources.add(m.locate(dataset.fileName())));
        sources.add(dataset.url());
        List<String> tried = new ArrayList<>();
        for (String source : sources) {
            try {
                return install(dataset, source, installRoot, target);
            } catch (IOException e) {
                tried.add(source + " (" + HttpDownload.reason(source, e) + ")");
            }
        }
        throw new IOException("cannot fetch dataset '" + dataset.name() + "': tried " + String.join("; ", tried)
                + ". Install it from a copy of " + dataset.fileName() + " with 'digits data fetch " + dataset.name()
                + " --from PATH_OR_URL', or set DIGITS_MIRROR to a folder or base URL that holds " + dataset.fileName());
    }

    private Path install(KnownDataset dataset, String source, Path installRoot, Path target) throws IOException {
        Path staging = StagingFolder.create(installRoot, dataset.name());
        try {
            Path files = staging.resolve(dataset.folder());
            Files.createDirectories(files);
            if (Mirror.isUrl(source)) {
                Path download = partialDownload(installRoot, dataset, source);
                log.accept("downloading " + source + (Files.isRegularFile(download)
                        ? " (resuming after " + Files.size(download) / 1_000_000 + " MB)" : ""));
                new HttpDownload(progress).fetch(source, download, dataset.maxArchiveBytes());
                try {
                    checkArchive(download, source, dataset);
                    unpack(download, source, dataset, staging);
                } finally {
                    Files.deleteIfExists(download); // complete: corrupt or used, it is never resumed
                }
            } else {
                Path local = Path.of(source);
                if (Files.isDirectory(local)) {
                    copyFromFolder(local, dataset, staging);
                } else if (Files.isRegularFile(local)) {
                    checkArchive(local, source, dataset);
                    unpack(local, source, dataset, staging);
                } else {
                    throw new IOException(source + ": no such file or folder");
                }
            }
            verify(dataset, staging, source);
            InstalledChecksums.write(staging, progress);
            Files.writeString(staging.resolve("README.md"), "# " + dataset.name() + "\n\nInstalled by `digits data fetch` from "
                    + source + ".\n\n" + dataset.attribution() + "\n");
            StagingFolder.moveIntoPlace(staging, target);
            log.accept("installed dataset " + dataset.name() + " (" + countFiles(target.resolve(dataset.folder()))
                    + " verified files) in " + target);
            return target;
        } finally {
            StagingFolder.delete(staging);
        }
    }

    /**
     * Where a download from {@code source} is kept until it is complete, so that a later fetch resumes it: one file per
     * source, so that the rest of an archive never follows the start of another source's.
     */
    static Path partialDownload(Path installRoot, KnownDataset dataset, String source) {
        String id = Sha256.of(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
        return installRoot.resolve("." + dataset.name() + "-" + id + "-" + dataset.fileName() + ".download");
    }

    /** A pinned archive's size and SHA-256, checked before anything is unpacked. */
    private void checkArchive(Path archive, String source, KnownDataset dataset) throws IOException {
        if (dataset.archive() == null) {
            return;
        }
        long size = Files.size(archive);
        if (size != dataset.archive().bytes()) {
            throw new IOException(source + " is " + size + " bytes, not the " + dataset.archive().bytes() + " of the pinned "
                    + dataset.fileName() + "; nothing was installed");
        }
        log.accept("checking the SHA-256 of " + dataset.fileName() + " (" + size / 1_000_000 + " MB)");
        String actual = Sha256.of(archive);
        if (!actual.equals(dataset.archive().sha256())) {
            throw new IOException(source + " has SHA-256 " + actual + ", not the pinned " + dataset.archive().sha256()
                    + " of " + dataset.fileName() + " (damaged or another release); nothing was installed");
        }
    }

    /** The path under the dataset folder an archive entry goes to, or {@code null} to skip it. */
    private static String installedPath(KnownDataset dataset, String entryName) {
        String name = entryName.replace('\\', '/');
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (dataset.folder().isEmpty()) { // the archive is the dataset: its recordings and lists, at any depth kept
            while (name.startsWith("./")) {
                name = name.substring(2);
            }
            boolean kept = base.toLowerCase().endsWith(".wav") || base.endsWith(".txt") || base.equals("LICENSE")
                    || base.equals("README.md");
            return kept && !name.startsWith("/") && !java.util.Arrays.asList(name.split("/")).contains("..") ? name : null;
        }
        if (!dataset.manifest().isEmpty()) {
            boolean inFolder = name.contains(dataset.folder() + "/") || !name.contains("/");
            return inFolder && dataset.manifest().containsKey(base) ? dataset.folder() + "/" + base : null;
        }
        if (!base.toLowerCase().endsWith(".wav") || name.contains("../")) {
            return null;
        }
        String marker = dataset.folder() + "/";
        int at = name.startsWith(marker) ? 0 : name.indexOf("/" + marker) + 1;
        return at > 0 || name.startsWith(marker) ? name.substring(at) : null;
    }

    private void unpack(Path archive, String source, KnownDataset dataset, Path staging) throws IOException {
        int extracted = 0;
        long size = Files.size(archive);
        long[] read = {0};
        InputStream counted = new FilterInputStream(Files.newInputStream(archive)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        try (InputStream raw = new BufferedInputStream(counted);
             ArchiveInputStream<?> in = openArchive(raw, source)) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String path = entry.isDirectory() ? null : installedPath(dataset, entry.getName());
                if (path != null) {
                    Path to = staging.resolve(path).normalize();
                    if (!to.startsWith(staging)) {
                        continue;
                    }
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                    extracted++;
                    progress.update("unpack " + dataset.name(), read[0], size);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": corrupt or unreadable archive (" + e.getMessage() + "); nothing was installed", e);
        }
        progress.update("unpack " + dataset.name(), size, size);
        log.accept("unpacked " + extracted + " files");
    }

    private static ArchiveInputStream<?> openArchive(InputStream raw, String source) throws IOException {
        raw.mark(4);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new TarArchiveInputStream(new GzipCompressorInputStream(raw));
        }
        if (b0 == 'P' && b1 == 'K') {
            return new ZipArchiveInputStream(raw);
        }
        if (source.endsWith(".tar")) {
            return new TarArchiveInputStream(raw);
        }
        throw new IOException("not a .tar.gz, .tar or .zip archive");
    }

    private void copyFromFolder(Path folder, KnownDataset dataset, Path staging) throws IOException {
        Path src = Files.isDirectory(folder.resolve(dataset.folder())) ? folder.resolve(dataset.folder()) : folder;
        int copied = 0;
        if (!dataset.manifest().isEmpty()) {
            for (String name : dataset.manifest().keySet()) {
                Path f = src.resolve(name);
                if (Files.isRegularFile(f)) {
                    Files.copy(f, staging.resolve(dataset.folder()).resolve(name));
                    copied++;
                }
            }
        } else {
            List<Path> wavs;
            try (Stream<Path> walk = Files.walk(src)) {
                wavs = walk.filter(p -> Files.isRegularFile(p) && (p.getFileName().toString().toLowerCase().endsWith(".wav")
                        || dataset.folder().isEmpty())).toList();
            }
            for (Path f : wavs) {
                if (dataset.folder().isEmpty() && installedPath(dataset, src.relativize(f).toString()) == null) {
                    continue;
                }
                Path to = staging.resolve(dataset.folder()).resolve(src.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                copied++;
            }
        }
        log.accept("copied " + copied + " files from " + src);
    }

    private void verify(KnownDataset dataset, Path staging, String source) throws IOException {
        if (dataset.manifest().isEmpty()) {
            verifyStructure(dataset, staging, source);
            return;
        }
        Path files = staging.resolve(dataset.folder());
        Sha256.Differences d = Sha256.compare(dataset.manifest(), files::resolve, progress, "verify " + dataset.name());
        if (!d.none()) {
            StringBuilder msg = new StringBuilder(source + " does not hold the expected " + dataset.name() + " files:");
            if (!d.missing().isEmpty()) {
                msg.append(" ").append(d.missing().size()).append(" of ").append(dataset.manifest().size())
                        .append(" missing (first: ").append(d.missing().get(0)).append(")");
            }
            if (!d.changed().isEmpty()) {
                msg.append(" ").append(d.changed().size()).append(" fail the SHA-256 check (first: ")
                        .append(d.changed().get(0)).append(")");
            }
            throw new IOException(msg.append("; nothing was installed").toString());
        }
        log.accept("verified " + dataset.manifest().size() + " files against the SHA-256 manifest");
    }

    private void verifyStructure(KnownDataset dataset, Path staging, String source) throws IOException {
        KnownDataset.Structure expected = dataset.structure();
        Corpus corpus = expected.layout().scan(staging);
        List<String> problems = new ArrayList<>();
        Map<String, Long> bySpeaker = new TreeMap<>(corpus.countBySpeaker());
        if (expected.speakers() > 0 && bySpeaker.size() != expected.speakers()) {
            problems.add(bySpeaker.size() + " speakers, expected " + expected.speakers());
        }
        if (expected.clipsPerSpeaker() > 0) {
            bySpeaker.entrySet().stream().filter(e -> e.getValue() != expected.clipsPerSpeaker()).findFirst()
                    .ifPresent(e -> problems.add("speaker " + e.getKey() + " has " + e.getValue() + " clips, expected "
                            + expected.clipsPerSpeaker()));
        }
        if (corpus.size() != expected.digitClips()) {
            problems.add(corpus.size() + " digit clips, expected " + expected.digitClips());
        }
        if (!corpus.badFiles().isEmpty()) {
            problems.add(corpus.badFiles().size() + " file(s) not in the layout (first: " + corpus.badFiles().get(0) + ")");
        }
        List<BadFile> unreadable = CorpusSummary.of(corpus).badFiles().stream()
                .filter(b -> !corpus.badFiles().contains(b)).toList();
        if (!unreadable.isEmpty()) {
            problems.add(unreadable.size() + " file(s) not a valid WAV (first: "
                    + staging.relativize(unreadable.get(0).path()) + ": " + unreadable.get(0).problem() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IOException(source + " does not hold the expected " + dataset.name() + " structure: "
                    + String.join("; ", problems) + "; nothing was installed");
        }
        log.accept(expected.clipsPerSpeaker() > 0
                ? "verified " + corpus.size() + " files: " + bySpeaker.size() + " speakers x " + expected.clipsPerSpeaker()
                        + " clips, every file a valid WAV"
                : "verified " + corpus.size() + " digit clips of " + bySpeaker.size() + " speakers, every file a valid WAV");
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
