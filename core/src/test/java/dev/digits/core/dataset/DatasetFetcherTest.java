package dev.digits.core.dataset;

import dev.digits.core.fetch.Sha256;
import com.sun.net.httpserver.HttpServer;
import dev.digits.core.audio.WavWriter;
import dev.digits.core.fetch.Mirror;
import dev.digits.core.fetch.TransferProgress;
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
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        for (String name : List.of("0_ann_0.wav", "1_ann_0.wav", "2_bob_3.wav")) {
            Path tmp = dir.resolve("src-" + name);
            WavWriter.write16(tmp, new float[] {name.charAt(0) / 100f, 0.1f, -0.2f}, 8000);
            byte[] bytes = Files.readAllBytes(tmp);
            files.put(name, bytes);
            manifest.put(name, Sha256.of(tmp));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(exchange.getRequestURI().getPath() + (range == null ? "" : " " + range));
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().startsWith("/stall")) { // headers and a little, then nothing
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().write(new byte[10]);
                exchange.getResponseBody().flush();
                try {
                    Thread.sleep(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (exchange.getRequestURI().getPath().startsWith("/endless")) { // never stops sending
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[1 << 16];
                try (OutputStream out = exchange.getResponseBody()) {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException closedByTheClient) {
                    // expected
                }
            } else if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
                exchange.sendResponseHeaders(from == 0 ? 200 : 206, body.length - from);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body, from, body.length - from);
                }
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // a stalled answer blocks no other
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

    @Test
    void theMirrorIsTriedFirstByTheArchiveFileName() throws IOException {
        served.put("/mirror/release.tar.gz", tarGz(files));
        Path installed = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.of(new Mirror(url("/mirror/"))))
                .fetch(dataset, null, dir.resolve("data"), false);
        assertEquals(3, Corpus.open(installed).size());
        assertEquals(List.of("/mirror/release.tar.gz"), requests, "upstream is not asked when the mirror has it");
    }

    @Test
    void aMirrorFolderWorksAndAFailingMirrorFallsBackToUpstream() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mirror-folder"));
        Files.write(folder.resolve("release.tar.gz"), tarGz(files));
        Path a = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.of(new Mirror(folder.toString())))
                .fetch(dataset, null, dir.resolve("a"), false);
        assertEquals(3, Corpus.open(a).size());
        assertEquals(List.of(), requests);
        served.put("/release.tar.gz", tarGz(files));
        Path b = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.of(new Mirror(url("/empty-mirror"))))
                .fetch(dataset, null, dir.resolve("b"), false);
        assertEquals(3, Corpus.open(b).size());
        assertEquals(List.of("/empty-mirror/release.tar.gz", "/release.tar.gz"), requests);
    }

    @Test
    void aStalledMirrorIsGivenUpAndUpstreamIsTried() throws IOException {
        served.put("/release.tar.gz", tarGz(files));
        System.setProperty("digits.fetch.stallSeconds", "1");
        try {
            Path installed = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.of(new Mirror(url("/stall-mirror"))))
                    .fetch(dataset, null, dir.resolve("data"), false);
            assertEquals(3, Corpus.open(installed).size());
        } finally {
            System.clearProperty("digits.fetch.stallSeconds");
        }
        assertEquals(List.of("/stall-mirror/release.tar.gz", "/release.tar.gz"), requests);
    }

    @Test
    void aServerThatNeverStopsSendingIsStoppedAtTheArchivesSizeCap() {
        KnownDataset endless = new KnownDataset("mini", url("/endless/release.tar.gz"), "recordings", dataset.manifest(),
                "test data");
        IOException e = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(endless, null, dir.resolve("data"), false));
        assertTrue(e.getMessage().contains(url("/endless/release.tar.gz") + " (it sent more than the "
                + endless.maxArchiveBytes() + " bytes"), e.getMessage());
    }

    @Test
    void leftoversOfAFetchThatWasKilledAreClearedByTheNext() throws IOException {
        Path root = Files.createDirectories(dir.resolve("data"));
        Path old = Files.createDirectories(root.resolve(".mini.partial-123"));
        Files.writeString(old.resolve("half.wav"), "x");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Path recent = Files.createDirectories(root.resolve(".mini.partial-456"));
        served.put("/release.tar.gz", tarGz(files));
        new DatasetFetcher(log::add, TransferProgress.NONE, Optional.empty()).fetch(dataset, null, root, false);
        assertFalse(Files.exists(old), "an hour-old staging folder is a killed fetch's");
        assertTrue(Files.exists(recent), "a recent one may be another process's fetch in progress");
    }

    @Test
    void withoutNetworkOrMirrorOneLineSaysWhatWasTriedAndTheWaysOut() throws IOException {
        KnownDataset offline = new KnownDataset("mini", "http://127.0.0.1:1/release.tar.gz", "recordings",
                dataset.manifest(), "test data");
        IOException e = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(offline, null, dir.resolve("data"), false));
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot fetch dataset 'mini': tried http://127.0.0.1:1/release.tar.gz (no connection"), m);
        assertTrue(m.contains("'digits data fetch mini --from PATH_OR_URL'") && m.contains("DIGITS_MIRROR"), m);
        assertFalse(m.contains("\n"), "one line: " + m);
        assertOnlyInstalled();
    }

    @Test
    void anInterruptedDownloadIsResumed() throws IOException {
        byte[] archive = tarGz(files);
        served.put("/release.tar.gz", archive);
        Path root = Files.createDirectories(dir.resolve("data"));
        int half = archive.length / 2;
        Files.write(DatasetFetcher.partialDownload(root, dataset, dataset.url()), Arrays.copyOf(archive, half));
        List<long[]> seen = new ArrayList<>();
        Path installed = new DatasetFetcher(log::add, (what, done, total) -> seen.add(new long[] {done, total}),
                Optional.empty()).fetch(dataset, null, root, false);
        assertEquals(3, Corpus.open(installed).size());
        assertEquals(List.of("/release.tar.gz bytes=" + half + "-"), requests);
        assertTrue(log.stream().anyMatch(l -> l.contains("resuming")), log.toString());
        assertTrue(seen.stream().anyMatch(p -> p[0] == archive.length && p[1] == archive.length), "progress reached the end");
        assertOnlyInstalled("mini");
    }

    @Test
    void aDatasetWithoutHashesIsCheckedByStructureAndByItsRecordedChecksumsLater() throws IOException {
        KnownDataset mini = miniAudioMnist();
        served.put("/master.zip", zip(audioMnistFiles(2, 10, null)));
        Path root = dir.resolve("data");
        Path installed = new DatasetFetcher(log::add, TransferProgress.NONE, Optional.empty()).fetch(mini, null, root, false);
        assertTrue(Files.isRegularFile(installed.resolve("data/01/3_01_0.wav")));
        assertEquals(20, Corpus.open(installed).size());
        assertEquals(20, Files.readAllLines(installed.resolve(InstalledChecksums.FILE_NAME)).size());
        assertTrue(log.stream().anyMatch(l -> l.contains("2 speakers x 10 clips, every file a valid WAV")), log.toString());
        DatasetLocator locator = new DatasetLocator(List.of(root));
        assertEquals(installed, locator.locate("amini"));
        Path changed = installed.resolve("data/02/7_02_0.wav");
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length - 1] ^= 1;
        Files.write(changed, bytes);
        IOException e = assertThrows(IOException.class, () -> locator.locate("amini"));
        assertTrue(e.getMessage().contains("1 file(s) changed (first: data/02/7_02_0.wav)")
                && e.getMessage().contains("digits data fetch amini --force"), e.getMessage());
    }

    @Test
    void aWrongStructureOrABrokenWavIsRefused() throws IOException {
        KnownDataset mini = miniAudioMnist();
        served.put("/short.zip", zip(audioMnistFiles(2, 10, "02/9_02_0.wav")));
        IOException shortOne = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(mini, url("/short.zip"), dir.resolve("data"), false));
        assertTrue(shortOne.getMessage().contains("speaker 02 has 9 clips, expected 10"), shortOne.getMessage());
        Map<String, byte[]> broken = audioMnistFiles(2, 10, null);
        broken.put("AudioMNIST-master/data/01/5_01_0.wav", "not audio at all".getBytes());
        served.put("/broken.zip", zip(broken));
        IOException bad = assertThrows(IOException.class, () -> new DatasetFetcher(log::add, TransferProgress.NONE,
                Optional.empty()).fetch(mini, url("/broken.zip"), dir.resolve("data"), false));
        assertTrue(bad.getMessage().contains("1 file(s) not a valid WAV (first: data/01/5_01_0.wav"), bad.getMessage());
        assertOnlyInstalled();
    }

    private KnownDataset miniAudioMnist() {
        return new KnownDataset("amini", url("/master.zip"), "data", Map.of(),
                new KnownDataset.Structure(CorpusLayout.AUDIOMNIST, 2, 10), "test data");
    }

    /** An AudioMNIST-like tree: {@code speakers} speakers x {@code clips} clips, without {@code leaveOut}. */
    private Map<String, byte[]> audioMnistFiles(int speakers, int clips, String leaveOut) throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        for (int s = 1; s <= speakers; s++) {
            for (int c = 0; c < clips; c++) {
                String name = String.format("%02d/%d_%02d_%d.wav", s, c % 10, s, c / 10);
                if (name.equals(leaveOut)) {
                    continue;
                }
                Path tmp = dir.resolve("clip.wav");
                WavWriter.write16(tmp, new float[] {s / 10f, c / 20f, -0.1f, 0.05f}, 48000);
                content.put("AudioMNIST-master/data/" + name, Files.readAllBytes(tmp));
            }
        }
        content.put("AudioMNIST-master/README.md", "readme".getBytes());
        return content;
    }

    private static byte[] zip(Map<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
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
