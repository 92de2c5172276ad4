package dev.digits.core.dataset;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Installs a {@link KnownDataset} from its upstream archive, a mirror URL, a local archive ({@code .tar.gz},
 * {@code .tar} or {@code .zip}) or a local folder. Every file is checked against the manifest before the
 * dataset appears: files are unpacked into a hidden staging folder and moved into place only when all of
 * them verify, so a failed fetch leaves nothing half-installed.
 */
public final class DatasetFetcher {
    private final Consumer<String> log;

    /** @param log receives progress lines */
    public DatasetFetcher(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Fetches and installs the dataset as {@code installRoot/NAME}.
     *
     * @param from  {@code null} for the upstream URL, else an http(s)/file URL or a local archive or folder
     * @param force replace an existing installation
     * @return the installed folder
     * @throws IOException with the reason (download failed, corrupt archive, missing or altered files)
     */
    public Path fetch(KnownDataset dataset, String from, Path installRoot, boolean force) throws IOException {
        Path target = installRoot.resolve(dataset.name());
        if (Files.exists(target) && !force) {
            throw new IOException(target + " already exists; use --force to replace it");
        }
        Files.createDirectories(installRoot);
        Path staging = Files.createTempDirectory(installRoot, "." + dataset.name() + ".partial-");
        Path download = null;
        try {
            String source = from == null ? dataset.url() : from;
            Path files = staging.resolve(dataset.folder());
            Files.createDirectories(files);
            if (isUrl(source)) {
                download = Files.createTempFile(installRoot, "." + dataset.name() + ".download-", ".tmp");
                downloadTo(source, download);
                unpack(download, source, dataset, files);
            } else {
                Path local = Path.of(source);
                if (Files.isDirectory(local)) {
                    copyFromFolder(local, dataset, files);
                } else if (Files.isRegularFile(local)) {
                    unpack(local, source, dataset, files);
                } else {
                    throw new IOException(source + ": no such file or folder");
                }
            }
            verify(dataset, files, source);
            writeManifest(dataset, staging.resolve("SHA256SUMS"));
            Files.writeString(staging.resolve("README.md"), "# " + dataset.name() + "\n\nInstalled by `digits data fetch` from "
                    + source + ".\n\n" + dataset.attribution() + "\n");
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            log.accept("installed " + dataset.manifest().size() + " verified files in " + target);
            return target;
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
            if (download != null) {
                Files.deleteIfExists(download);
            }
        }
    }

    private static boolean isUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("file:");
    }

    private void downloadTo(String url, Path file) throws IOException {
        log.accept("downloading " + url);
        if (url.startsWith("file:")) {
            Files.copy(Path.of(URI.create(url)), file, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download of " + url + " interrupted", e);
        } catch (IOException e) {
            throw new IOException("cannot download " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("cannot download " + url + ": HTTP " + response.statusCode());
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long done = 0;
            int lastTenth = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                done += n;
                if (total > 0 && (int) (done * 10 / total) > lastTenth) {
                    lastTenth = (int) (done * 10 / total);
                    log.accept(String.format("  %d%% of %.1f MB", lastTenth * 10, total / 1e6));
                }
            }
        }
    }

    private void unpack(Path archive, String source, KnownDataset dataset, Path into) throws IOException {
        int extracted = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             ArchiveInputStream<?> in = openArchive(raw, source)) {
            ArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                boolean inFolder = name.contains(dataset.folder() + "/") || !name.contains("/");
                if (inFolder && dataset.manifest().containsKey(base)) {
                    Files.copy(in, into.resolve(base), StandardCopyOption.REPLACE_EXISTING);
                    extracted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": corrupt or unreadable archive (" + e.getMessage() + "); nothing was installed", e);
        }
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

    private void copyFromFolder(Path folder, KnownDataset dataset, Path into) throws IOException {
        Path src = Files.isDirectory(folder.resolve(dataset.folder())) ? folder.resolve(dataset.folder()) : folder;
        int copied = 0;
        for (String name : dataset.manifest().keySet()) {
            Path f = src.resolve(name);
            if (Files.isRegularFile(f)) {
                Files.copy(f, into.resolve(name));
                copied++;
            }
        }
        log.accept("copied " + copied + " files from " + src);
    }

    private void verify(KnownDataset dataset, Path files, String source) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        for (Map.Entry<String, String> e : dataset.manifest().entrySet()) {
            Path f = files.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                missing.add(e.getKey());
            } else if (!sha256(f).equals(e.getValue())) {
                altered.add(e.getKey());
            }
        }
        if (!missing.isEmpty() || !altered.isEmpty()) {
            StringBuilder msg = new StringBuilder(source + " does not hold the expected " + dataset.name() + " files:");
            if (!missing.isEmpty()) {
                msg.append(" ").append(missing.size()).append(" of ").append(dataset.manifest().size())
                        .append(" missing (first: ").append(missing.get(0)).append(")");
            }
            if (!altered.isEmpty()) {
                msg.append(" ").append(altered.size()).append(" fail the SHA-256 check (first: ")
                        .append(altered.get(0)).append(")");
            }
            throw new IOException(msg.append("; nothing was installed").toString());
        }
        log.accept("verified " + dataset.manifest().size() + " files against the SHA-256 manifest");
    }

    private static void writeManifest(KnownDataset dataset, Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        dataset.manifest().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n'));
        Files.writeString(file, sb.toString());
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
