package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavFormat;
import dev.digits.core.audio.WavReader;
import dev.digits.core.audio.WavWriter;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.serve.ConnectionLimits;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ServeSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code digits serve} under slow clients, many WebSocket upgrades and shutdown with work in progress. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeResilienceTest {
    @TempDir
    static Path dir;
    static ModelBundle bundle;
    static byte[] clip;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void model() throws Exception {
        bundle = ModelBundle.read(TestBundles.officialSvm(dir), Plugins.discover(ServeResilienceTest.class.getClassLoader()));
        clip = Files.readAllBytes(DatasetLocator.defaults().locate("fsdd").resolve("recordings/3_theo_0.wav"));
    }

    static RecognitionServer start(ConnectionLimits limits) {
        return RecognitionServer.start(bundle, ServeSettings.defaults().withPort(0).withLimits(2, 64, 200_000)
                .withConnections(limits), System.err);
    }

    static HttpResponse<String> recognize(RecognitionServer s) throws Exception {
        return http.send(HttpRequest.newBuilder(s.url().resolve("v1/recognize")).header("Content-Type", "audio/wav")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(clip)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a connection and starts a POST whose body it never finishes. */
    static Socket slowUpload(RecognitionServer s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.port());
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/recognize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\n"
                + "Content-Length: 100000\r\n\r\nR").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void clientsSendingBodiesOneByteASecondCannotStarveOthers() throws Exception {
        try (RecognitionServer server = start(new ConnectionLimits(512, 16, 1024, 5))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) { // more than the server has threads
                    slow.add(slowUpload(server));
                }
                for (int second = 0; second < 3; second++) { // a byte a second
                    Thread.sleep(1000);
                    for (Socket s : slow) {
                        if (!s.isClosed()) {
                            try {
                                s.getOutputStream().write('I');
                            } catch (IOException closedByServer) {
                                // answered and closed: its answer is read below
                            }
                        }
                    }
                }
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.url().resolve("healthz"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), health.body());
                // another client (another address of this machine) is served as usual
                String answer = postFrom("127.0.0.2", server, clip);
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"digit\":\"3\""), answer);
                // and the slow ones are told why they are dropped: at least those that had their turn by now
                int told = 0;
                for (Socket s : slow) {
                    s.setSoTimeout(50);
                    told += firstLine(s).startsWith("HTTP/1.1 408") ? 1 : 0;
                }
                assertTrue(told >= 16, told + " of the slow clients answered 408");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** A POST of {@code body} from a socket bound to {@code address}: the whole answer, status line first. */
    private static String postFrom(String address, RecognitionServer server, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/recognize HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: audio/wav\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(Socket s) {
        try {
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString().trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void webSocketUpgradesLeaveNoHttpSessionBehind() throws Exception {
        try (RecognitionServer server = start(ConnectionLimits.defaults())) {
            URI ws = URI.create(server.url().toString().replace("http:", "ws:") + "v1/stream?rate=8000");
            for (int i = 0; i < 20; i++) {
                ServeTest.Collector c = new ServeTest.Collector();
                WebSocket socket = http.newWebSocketBuilder().buildAsync(ws, c).get(10, TimeUnit.SECONDS);
                socket.sendText("end", true).get(10, TimeUnit.SECONDS);
                assertEquals(1000, c.closed.get(10, TimeUnit.SECONDS));
            }
            assertEquals(0, server.httpSessions(), "HTTP sessions kept after 20 streams");
        }
    }

    @Test
    void shutdownFinishesAcceptedUploadsAndClosesStreamsWithAFrame() throws Exception {
        // long recordings, so that uploads are still running and waiting when the server is told to stop
        WavFile three = WavReader.read(DatasetLocator.defaults().locate("fsdd").resolve("recordings/3_theo_0.wav"));
        float[] minute = new float[60 * three.format().sampleRate()];
        for (int i = 0; i < minute.length; i++) {
            minute[i] = three.mono()[i % three.mono().length];
        }
        byte[] longClip = WavWriter.encode(minute, three.format().sampleRate(), 1, WavFormat.Encoding.PCM_INT, 16);
        RecognitionServer server = RecognitionServer.start(bundle, ServeSettings.defaults().withPort(0)
                .withLimits(2, 64, 4_000_000).withConnections(new ConnectionLimits(512, 32, 1024, 60)), System.err);
        ServeTest.Collector stream = new ServeTest.Collector();
        URI ws = URI.create(server.url().toString().replace("http:", "ws:") + "v1/stream?rate=8000");
        WebSocket socket = http.newWebSocketBuilder().buildAsync(ws, stream).get(10, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[16000]), true).get(10, TimeUnit.SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(clients.submit(() -> http.send(HttpRequest.newBuilder(server.url().resolve("v1/recognize"))
                        .header("Content-Type", "audio/wav").timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(longClip)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!server.metrics().prometheusText().contains("digits_queue_waiting 4")) {
                assertTrue(System.nanoTime() < deadline, "the six uploads never were all accepted: "
                        + server.metrics().prometheusText());
                Thread.sleep(2);
            }
            server.close(); // as on SIGTERM: two uploads running, four waiting
            for (Future<HttpResponse<String>> upload : uploads) {
                HttpResponse<String> r = upload.get(120, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("3", json.readTree(r.body()).get("digit").asText());
            }
            assertEquals(1001, stream.closed.get(10, TimeUnit.SECONDS), "the stream gets a close frame");
            JsonNode last = json.readTree(stream.messages.get(stream.messages.size() - 1));
            assertEquals("end", last.get("type").asText());
        } finally {
            clients.shutdownNow();
        }
    }
}
