package dev.digits.app;

import com.sun.net.httpserver.HttpServer;
import dev.digits.core.dataset.DatasetLocator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A newcomer's first run: an empty data folder, FSDD served by a mirror on 127.0.0.1 under its upstream file
 * name, and the README's main job. The dataset is fetched on first use, verified and installed, and never fetched
 * again.
 */
class FirstRunTest {
    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void tearDown() {
        System.clearProperty("digits.data");
        System.clearProperty("digits.mirror");
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    @Timeout(600)
    void theQuickstartRunsFromAnEmptyDataFolderThroughAMirror() throws IOException {
        Path archive = fsddArchive(DatasetLocator.defaults().locate("fsdd").resolve("recordings"));
        List<String> requests = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mirror/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/mirror/v1.0.10.tar.gz")) {
                exchange.sendResponseHeaders(200, Files.size(archive));
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(archive, out);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        Path data = Files.createDirectories(dir.resolve("empty-data"));
        System.setProperty("digits.data", data.toString());
        System.setProperty("digits.mirror", "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror");

        AppRunner.Result first = AppRunner.run("run", "../experiments/quickstart.yaml", "--out", dir.resolve("out").toString());

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of("/mirror/v1.0.10.tar.gz"), requests);
        assertTrue(first.err().contains("installed dataset fsdd (3000 verified files) in " + data.resolve("fsdd")), first.err());
        assertTrue(first.out().contains("dataset   " + data.resolve("fsdd") + ": 3000 files"), first.out());
        assertTrue(first.out().contains("3 cells: 3 run, 0 resumed, 0 failed"), first.out());
        assertTrue(Files.isRegularFile(dir.resolve("out/results.json")));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of("fsdd"), left.map(p -> p.getFileName().toString()).toList(), "no download or staging left");
        }

        AppRunner.Result again = AppRunner.run("data", "info", "fsdd");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(1, requests.size(), "fetched once, never again");
        assertFalse(again.err().contains("download"), again.err());
    }

    @Test
    void validateDoesNotDownloadAndAMissingCopyIsExplainedWithoutAStackTraceHint() throws IOException {
        Path data = Files.createDirectories(dir.resolve("empty-data"));
        System.setProperty("digits.data", data.toString());
        Path emptyMirror = Files.createDirectories(dir.resolve("mirror"));
        System.setProperty("digits.mirror", emptyMirror.toString());
        AppRunner.Result r = AppRunner.run("validate", "../experiments/quickstart.yaml");
        assertEquals(0, r.exitCode(), "validate does not download: " + r.err());
        assertTrue(r.out().contains("fetched on first use") || r.err().contains("fetched on first use"), r.out() + r.err());
        System.setProperty("digits.mirror", emptyMirror.resolve("missing").toString());
        AppRunner.Result run = AppRunner.run("data", "fetch", "fsdd", "--from", emptyMirror.resolve("v1.0.10.tar.gz").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("v1.0.10.tar.gz: no such file or folder"), run.err());
        assertFalse(run.err().contains("--verbose"), "a missing file is the user's to fix: " + run.err());
    }

    /** FSDD's recordings as the upstream release archive lays them out. */
    private Path fsddArchive(Path recordings) throws IOException {
        Path archive = dir.resolve("v1.0.10.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)));
             Stream<Path> files = Files.list(recordings)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                TarArchiveEntry entry = new TarArchiveEntry("free-spoken-digit-dataset-1.0.10/recordings/" + f.getFileName());
                entry.setSize(Files.size(f));
                tar.putArchiveEntry(entry);
                Files.copy(f, tar);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}
