package dev.digits.core.fetch;

import com.sun.net.httpserver.HttpServer;
import dev.digits.core.features.FeatureCache;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pinned files: from an archive, a folder, a local HTTP mirror; wrong hashes, truncation and no network refused. */
class PinnedInstallerTest {
    @TempDir
    Path dir;

    private static final byte[] A = "weights of model a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "weights of model b".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_OURS = "a non-commercial model".getBytes(StandardCharsets.UTF_8);

    private static byte[] tarball(byte[] a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Object[] e : new Object[][] {{"package/models/a.onnx", a}, {"package/models/b.onnx", B},
                    {"package/models/wakeword.onnx", NOT_OURS}}) {
                byte[] content = (byte[]) e[1];
                TarArchiveEntry entry = new TarArchiveEntry((String) e[0]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static PinnedArchive pinned(byte[] tarball, String url) {
        return new PinnedArchive("test model", "pkg-1.0.tgz", url, FeatureCache.sha256(tarball),
                Map.of("package/models/a.onnx", FeatureCache.sha256(A), "package/models/b.onnx", FeatureCache.sha256(B)));
    }

    private static final String NOWHERE = "http://127.0.0.1:1/pkg-1.0.tgz";

    private void assertInstalled(Path folder) throws IOException {
        assertTrue(Arrays.equals(A, Files.readAllBytes(folder.resolve("a.onnx"))));
        assertTrue(Arrays.equals(B, Files.readAllBytes(folder.resolve("b.onnx"))));
        assertFalse(Files.exists(folder.resolve("wakeword.onnx")), "only pinned members are unpacked");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void installsFromALocalArchiveOnceThenReadsNothing() throws Exception {
        byte[] tgz = tarball(A);
        Path copy = Files.write(dir.resolve("pkg-1.0.tgz"), tgz);
        List<String> log = new ArrayList<>();
        PinnedArchive archive = pinned(tgz, NOWHERE);
        Path folder = new PinnedInstaller(log::add).install(archive, dir.resolve("models"), List.of(copy.toString()));
        assertInstalled(folder);
        assertTrue(Files.exists(copy), "the user's copy is left where it was");
        Files.delete(copy);
        log.clear();
        assertEquals(folder, new PinnedInstaller(log::add).install(archive, folder, List.of(copy.toString())));
        assertTrue(log.isEmpty(), "already installed: nothing fetched " + log);
    }

    @Test
    void installsFromAFolderHoldingTheArchiveOrTheFiles() throws Exception {
        byte[] tgz = tarball(A);
        Path withArchive = Files.createDirectories(dir.resolve("mirror1"));
        Files.write(withArchive.resolve("pkg-1.0.tgz"), tgz);
        assertInstalled(new PinnedInstaller(l -> { }).install(pinned(tgz, NOWHERE), dir.resolve("m1"),
                List.of(withArchive.toString())));
        Path withFiles = Files.createDirectories(dir.resolve("mirror2"));
        Files.write(withFiles.resolve("a.onnx"), A);
        Files.write(withFiles.resolve("b.onnx"), B);
        assertInstalled(new PinnedInstaller(l -> { }).install(pinned(tgz, NOWHERE), dir.resolve("m2"),
                List.of(withFiles.toString())));
    }

    @Test
    void installsFromAMirrorUrlOnThisMachine() throws Exception {
        byte[] tgz = tarball(A);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mirror/pkg-1.0.tgz", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, tgz.length);
            exchange.getResponseBody().write(tgz);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror";
            Path folder = new PinnedInstaller(l -> { }).install(pinned(tgz, NOWHERE), dir.resolve("models"),
                    List.of(base));
            assertInstalled(folder);
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWrongHashATruncatedCopyOrNoNetworkFailInOneLineAndInstallNothing() throws Exception {
        byte[] tgz = tarball(A);
        PinnedArchive archive = pinned(tgz, NOWHERE);
        Path other = Files.write(dir.resolve("other.tgz"), tarball("tampered weights".getBytes(StandardCharsets.UTF_8)));
        Path truncated = Files.write(dir.resolve("truncated.tgz"), Arrays.copyOf(tgz, tgz.length / 2));
        Path folder = dir.resolve("models");
        IOException e = assertThrows(IOException.class, () -> new PinnedInstaller(l -> { }).install(archive, folder,
                List.of(other.toString(), truncated.toString())));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith("cannot install the test model files: tried " + other + " (pkg-1.0.tgz has SHA-256 "), m);
        assertTrue(m.contains(truncated + " (pkg-1.0.tgz has SHA-256"), m);
        assertTrue(m.contains(NOWHERE + " (no connection"), m);
        assertTrue(m.endsWith("with --from, or set DIGITS_MIRROR to a folder or base URL that holds it"), m);
        assertFalse(Files.exists(folder), "nothing half-installed");
        assertEquals(List.of(), leftovers(), "no staging folders left behind");

        // a folder of files one of which is altered
        Path altered = Files.createDirectories(dir.resolve("altered"));
        Files.write(altered.resolve("a.onnx"), "other weights".getBytes(StandardCharsets.UTF_8));
        Files.write(altered.resolve("b.onnx"), B);
        IOException e2 = assertThrows(IOException.class, () -> new PinnedInstaller(l -> { }).install(archive, folder,
                List.of(altered.toString())));
        assertTrue(e2.getMessage().contains(altered + " (a.onnx has another SHA-256 than pinned"), e2.getMessage());
        assertFalse(Files.exists(folder));
    }
}
