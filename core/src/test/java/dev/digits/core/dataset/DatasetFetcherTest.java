package dev.digits.core.dataset;

import com.sun.net.httpserver.HttpServer;
import dev.digits.core.audio.WavWriter;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFetcherTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private KnownDataset dataset;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        for (String name : List.of("0_ann_0.wav", "1_ann_0.wav", "2_bob_3.wav")) {
            Path tmp = dir.resolve("src-" + name);
            WavWriter.write16(tmp, new float[] {name.charAt(0) / 100f, 0.1f, -0.2f}, 8000);
            byte[] bytes = Files.readAllBytes(tmp);
            files.put(name, bytes);
            manifest.put(name, DatasetFetcher.sha256(tmp));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        dataset = new KnownDataset("mini", url("/release.tar.gz"), "recordings", manifest, "test data");
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private byte[] tarGz(Map<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("mini-1.0/recordings/" + e.getKey());
                entry.setSize(e.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            TarArchiveEntry readme = new TarArchiveEntry("mini-1.0/README.md");
            readme.setSize(2);
            tar.putArchiveEntry(readme);
            tar.write("hi".getBytes());
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void downloadsVerifiesAndInstalls() throws IOException {
        served.put("/release.tar.gz", tarGz(files));
        Path installed = new DatasetFetcher(log::add).fetch(dataset, null, dir.resolve("data"), false);
        assertEquals(dir.resolve("data/mini"), installed);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(installed.resolve("recordings").resolve(e.getKey())));
        }
        assertTrue(Files.exists(installed.resolve("SHA256SUMS")));
        assertEquals(3, Corpus.open(installed).size());
        assertTrue(log.stream().anyMatch(l -> l.contains("verified 3 files")), log.toString());
        assertOnlyInstalled("mini");
    }

    @Test
    void corruptArchiveLeavesNothingInstalled() throws IOException {
        byte[] good = tarGz(files);
        served.put("/release.tar.gz", Arrays.copyOf(good, good.length / 2));
        IOException e = assertThrows(IOException.class,
                () -> new DatasetFetcher(log::add).fetch(dataset, null, dir.resolve("data"), false));
        assertTrue(e.getMessage().contains("nothing was installed"), e.getMessage());
        assertOnlyInstalled();
    }

    @Test
    void alteredFileFailsTheChecksum() throws IOException {
        Map<String, byte[]> tampered = new LinkedHashMap<>(files);
        byte[] changed = files.get("1_ann_0.wav").clone();
        changed[changed.length - 1] ^= 1;
        tampered.put("1_ann_0.wav", changed);
        served.put("/release.tar.gz", tarGz(tampered));
        IOException e = assertThrows(IOException.class,
                () -> new DatasetFetcher(log::add).fetch(dataset, null, dir.resolve("data"), false));
        assertTrue(e.getMessage().contains("1 fail the SHA-256 check (first: 1_ann_0.wav)"), e.getMessage());
        assertOnlyInstalled();
    }

    @Test
    void httpErrorIsReported() {
        IOException e = assertThrows(IOException.class, () -> new DatasetFetcher(log::add)
                .fetch(dataset, url("/missing.tar.gz"), dir.resolve("data"), false));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void installsFromLocalArchiveAndFolderMirror() throws IOException {
        Path archive = dir.resolve("mirror.tar.gz");
        Files.write(archive, tarGz(files));
        Path a = new DatasetFetcher(log::add).fetch(dataset, archive.toString(), dir.resolve("a"), false);
        assertEquals(3, Corpus.open(a).size());
        Path b = new DatasetFetcher(log::add).fetch(dataset, a.toString(), dir.resolve("b"), false);
        assertEquals(3, Corpus.open(b).size());
        IOException again = assertThrows(IOException.class,
                () -> new DatasetFetcher(log::add).fetch(dataset, archive.toString(), dir.resolve("a"), false));
        assertTrue(again.getMessage().contains("--force"), again.getMessage());
        new DatasetFetcher(log::add).fetch(dataset, archive.toString(), dir.resolve("a"), true);
    }

    @Test
    void fsddManifestCoversTheLocalCopy() throws IOException {
        KnownDataset fsdd = KnownDataset.fsdd();
        assertEquals(3000, fsdd.manifest().size());
        Path local = DatasetLocator.defaults().locate("fsdd");
        Path mirror = new DatasetFetcher(log::add).fetch(fsdd, local.toString(), dir.resolve("fsdd-copy"), false);
        assertEquals(3000, Corpus.open(mirror).size());
    }

    private void assertOnlyInstalled(String... names) throws IOException {
        Path root = dir.resolve("data");
        if (!Files.exists(root)) {
            assertEquals(0, names.length);
            return;
        }
        try (Stream<Path> s = Files.list(root)) {
            List<String> present = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(names), present, "no staging or download left behind");
        }
        assertFalse(names.length == 0 && Files.exists(root.resolve("mini")));
    }
}
