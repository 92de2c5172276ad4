package dev.digits.core.fetch;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Installs the members of a {@link PinnedArchive} into a folder, once: when the folder already holds every
 * member with the right hash, nothing is read from anywhere. Otherwise the sources are tried in order (an
 * explicit one, then each extra source such as {@code DIGITS_MIRROR} or a copy the build fetched, then
 * upstream): each may be the archive (a file, a folder holding it by its file name, or a URL) or a folder or
 * base URL holding the members by their base names. The archive's hash and every member's hash are checked
 * in a hidden staging folder that is moved into place only when all verify, so a failure leaves nothing
 * half-installed and ends in one line saying what was tried and how to get the files another way.
 */
public final class PinnedInstaller {
    private final Consumer<String> log;
    private final TransferProgress progress;

    /** @param log receives progress lines */
    public PinnedInstaller(Consumer<String> log) {
        this(log, TransferProgress.NONE);
    }

    /**
     * @param log      receives one-line messages
     * @param progress receives download progress
     */
    public PinnedInstaller(Consumer<String> log, TransferProgress progress) {
        this.log = log;
        this.progress = progress;
    }

    /** Whether {@code folder} holds every member of {@code archive} with its pinned hash. */
    public static boolean installed(PinnedArchive archive, Path folder) {
        try {
            return Sha256.compare(archive.members(), m -> folder.resolve(PinnedArchive.baseName(m)), TransferProgress.NONE, "")
                    .none();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes {@code folder} hold every member, verified.
     *
     * @param sources where to look, in order, before upstream ({@code null} entries are skipped): a path or URL
     *                of the archive, or a folder or base URL holding the archive or the members
     * @return {@code folder}
     * @throws IOException one line: every source tried with why it failed, and the ways out
     */
    public Path install(PinnedArchive archive, Path folder, List<String> sources) throws IOException {
        if (installed(archive, folder)) {
            return folder;
        }
        List<String> tried = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String s : sources) {
            if (s != null && !s.isBlank()) {
                all.add(s);
            }
        }
        all.add(archive.url());
        Path parent = folder.toAbsolutePath().getParent();
        for (String source : all) {
            Path staging = StagingFolder.create(parent, folder.getFileName().toString());
            try {
                fetchInto(archive, source, staging);
                StagingFolder.moveIntoPlace(staging, folder);
                log.accept("installed " + archive.members().size() + " verified files of " + archive.name() + " in " + folder);
                return folder;
            } catch (IOException e) {
                tried.add(source + " (" + HttpDownload.reason(source, e) + ")");
            } finally {
                StagingFolder.delete(staging);
            }
        }
        throw new IOException("cannot install the " + archive.name() + " files: tried " + String.join("; ", tried)
                + ". Give a copy of " + archive.fileName() + " (or a folder holding it, or its model files) with --from, "
                + "or set DIGITS_MIRROR to a folder or base URL that holds it");
    }

    private void fetchInto(PinnedArchive archive, String source, Path staging) throws IOException {
        boolean url = source.startsWith("http://") || source.startsWith("https://");
        if (url) {
            String base = source.endsWith("/") ? source : source + "/";
            if (source.endsWith(archive.fileName()) || source.equals(archive.url())) {
                unpackVerified(archive, download(source, staging.resolve(archive.fileName())), staging);
                return;
            }
            try {
                unpackVerified(archive, download(base + archive.fileName(), staging.resolve(archive.fileName())), staging);
            } catch (IOException archiveMissing) {
                for (String member : archive.members().keySet()) {
                    String name = PinnedArchive.baseName(member);
                    download(base + name, staging.resolve(name));
                }
                verifyMembers(archive, staging, base);
            }
            return;
        }
        Path local = Path.of(source.startsWith("file:") ? URI.create(source).getPath() : source);
        if (Files.isDirectory(local)) {
            if (Files.isRegularFile(local.resolve(archive.fileName()))) {
                unpackVerified(archive, local.resolve(archive.fileName()), staging);
            } else {
                for (String member : archive.members().keySet()) {
                    String name = PinnedArchive.baseName(member);
                    if (!Files.isRegularFile(local.resolve(name))) {
                        throw new IOException("no " + archive.fileName() + " or " + name + " in " + local);
                    }
                    Files.copy(local.resolve(name), staging.resolve(name));
                }
                verifyMembers(archive, staging, local.toString());
            }
        } else if (Files.isRegularFile(local)) {
            unpackVerified(archive, local, staging);
        } else {
            throw new IOException("no such file or folder");
        }
    }

    private void unpackVerified(PinnedArchive archive, Path tarball, Path staging) throws IOException {
        String actual = Sha256.of(tarball);
        if (!actual.equals(archive.sha256())) {
            throw new IOException(archive.fileName() + " has SHA-256 " + actual + ", expected " + archive.sha256()
                    + " (truncated or another version)");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.isDirectory() && archive.members().containsKey(entry.getName())) {
                    Files.copy(in, staging.resolve(PinnedArchive.baseName(entry.getName())), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(archive.fileName() + " cannot be unpacked: " + e.getMessage(), e);
        }
        if (tarball.startsWith(staging)) {
            Files.delete(tarball); // our own download; a user's copy stays where it is
        }
        verifyMembers(archive, staging, archive.fileName());
    }

    private static void verifyMembers(PinnedArchive archive, Path staging, String source) throws IOException {
        Map<String, String> byName = new LinkedHashMap<>();
        archive.members().forEach((member, hash) -> byName.put(PinnedArchive.baseName(member), hash));
        Sha256.Differences d = Sha256.compare(byName, staging::resolve, TransferProgress.NONE, "");
        if (!d.none()) {
            List<String> problems = new ArrayList<>();
            d.missing().forEach(name -> problems.add(name + " missing"));
            d.changed().forEach(name -> problems.add(name + " has another SHA-256 than pinned"));
            throw new IOException(source + ": " + String.join(", ", problems));
        }
    }

    /** No pinned package is larger: a server that sends more is stopped (the SHA-256 would refuse it anyway). */
    static final long MAX_ARCHIVE_BYTES = 512L << 20;

    private Path download(String url, Path file) throws IOException {
        log.accept("downloading " + url);
        return new HttpDownload(progress).fetch(url, file, MAX_ARCHIVE_BYTES);
    }
}
