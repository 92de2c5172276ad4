package dev.digits.app;

import dev.digits.experiment.Plugins;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.ClipRecognizer;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ServeSettings;
import dev.digits.recognition.StreamingSession;
import dev.digits.recognition.stream.VoiceActivityDetector;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code digits serve}: a real server on a free port of 127.0.0.1, called over HTTP and WebSocket. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a server that stops answering fails the test, it does not hang CI
class ServeTest {
    @TempDir
    static Path dir;
    static Path recordings;
    static ModelBundle bundle;
    static RecognitionServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper json = new ObjectMapper();
    static final long MAX_BYTES = 200_000;

    @BeforeAll
    static void start() throws Exception {
        recordings = DatasetLocator.defaults().locate("fsdd").resolve("recordings");
        Path file = TestBundles.officialSvm(dir);
        bundle = ModelBundle.read(file, Plugins.discover(ServeTest.class.getClassLoader()));
        server = RecognitionServer.start(bundle, ServeSettings.defaults().withPort(0).withLimits(2, 64, MAX_BYTES),
                System.err);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> post(RecognitionServer s, String contentType, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.url().resolve("v1/recognize"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data body with one file part per (name, content). */
    static byte[] multipart(String boundary, List<String> names, List<byte[]> contents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file" + i + "\"; filename=\""
                    + names.get(i) + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(contents.get(i));
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static List<Path> testClips(int count) {
        List<Path> clips = new ArrayList<>();
        String[] speakers = {"george", "jackson", "lucas", "nicolas", "theo", "yweweler"};
        for (int i = 0; clips.size() < count; i++) {
            clips.add(recordings.resolve((i % 10) + "_" + speakers[i % 6] + "_" + (i % 5) + ".wav"));
        }
        return clips;
    }

    @Test
    void recognisesRealClipsAsPredictDoes() throws Exception {
        ClipRecognizer local = new ClipRecognizer(bundle);
        int correct = 0;
        for (Path clip : testClips(30)) {
            HttpResponse<String> r = post(server, "audio/wav", Files.readAllBytes(clip), null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
            JsonNode body = json.readTree(r.body());
            String expected = local.recognize(WavReader.read(clip), clip.toString()).label();
            assertEquals(expected, body.get("digit").asText(), clip + ": the same answer as predict");
            assertEquals(3, body.get("top").size());
            assertEquals(body.get("digit").asText(), body.get("top").get(0).get("digit").asText());
            assertEquals("mfcc-librosa", body.get("extractor").asText());
            assertEquals("tribuo svm", body.get("model").asText());
            assertTrue(body.get("milliseconds").asDouble() > 0);
            if (body.get("digit").asText().equals(clip.getFileName().toString().substring(0, 1))) {
                correct++;
            }
        }
        assertTrue(correct >= 25, correct + " of 30 official test clips right");
    }

    @Test
    void multipartUploadsGetOneResultPerFileAndBadFilesTheirOwnError() throws Exception {
        List<Path> clips = testClips(3);
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (Path c : clips) {
            names.add(c.getFileName().toString());
            contents.add(Files.readAllBytes(c));
        }
        names.add("notes.wav");
        contents.add("these are not samples".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post(server, "multipart/form-data; boundary=XyZ123", multipart("XyZ123", names, contents),
                null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode results = json.readTree(r.body()).get("results");
        assertEquals(4, results.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(names.get(i), results.get(i).get("file").asText());
            assertTrue(results.get(i).get("digit").asText().matches("[0-9]"), results.get(i).toString());
        }
        assertEquals(400, results.get(3).get("status").asInt());
        assertTrue(results.get(3).get("error").asText().startsWith("notes.wav: not a WAV file"), results.get(3).toString());
    }

    @Test
    void everyRefusalHasItsStatusAndAJsonMessage() throws Exception {
        HttpResponse<String> garbage = post(server, "audio/wav", "RIFF....WAVEjunk".getBytes(StandardCharsets.US_ASCII), null);
        assertEquals(400, garbage.statusCode());
        assertTrue(json.readTree(garbage.body()).get("error").asText().contains("upload.wav"), garbage.body());

        // a header that says 1 Hz (30 minutes of audio in 3.6 KB): refused from the header, not resampled for seconds
        byte[] oneHertz = dev.digits.core.audio.WavWriter.encode(new float[1800], 8000, 1,
                dev.digits.core.audio.WavFormat.Encoding.PCM_INT, 16);
        java.nio.ByteBuffer.wrap(oneHertz).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, 1).putInt(28, 2);
        HttpResponse<String> slow = post(server, "audio/wav", oneHertz, null);
        assertEquals(400, slow.statusCode(), slow.body());
        assertTrue(json.readTree(slow.body()).get("error").asText().contains("a sample rate of 1 Hz; digits reads 4000 to "
                + "384000 Hz"), slow.body());

        HttpResponse<String> text = post(server, "text/plain", "seven".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(415, text.statusCode());
        assertTrue(json.readTree(text.body()).get("error").asText().startsWith("Content-Type text/plain is not taken"));
        assertEquals(415, post(server, null, new byte[10], null).statusCode());
        // a client that sends 'Expect: 100-continue' gets its refusal too (it hung before refused bodies were drained)
        HttpResponse<String> expecting = http.send(HttpRequest.newBuilder(server.url().resolve("v1/recognize"))
                .timeout(Duration.ofSeconds(20)).expectContinue(true).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[50_000])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, expecting.statusCode());

        byte[] big = new byte[(int) MAX_BYTES + 1];
        HttpResponse<String> declared = post(server, "audio/wav", big, null);
        assertEquals(413, declared.statusCode());
        assertTrue(json.readTree(declared.body()).get("error").asText().contains("200000 bytes"), declared.body());
        // no Content-Length (chunked): counted while read
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(server.url().resolve("v1/recognize"))
                .header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());

        HttpResponse<String> silence = post(server, "audio/wav", dev.digits.core.audio.WavWriter.encode(new float[8000],
                8000, 1, dev.digits.core.audio.WavFormat.Encoding.PCM_INT, 16), null);
        assertEquals(200, silence.statusCode(), silence.body());
        assertEquals("-", json.readTree(silence.body()).get("digit").asText(), "no digit forced on silence");
        assertEquals("no speech: digital silence", json.readTree(silence.body()).get("noSpeech").asText());

        HttpResponse<String> missing = get("etc/passwd");
        assertEquals(404, missing.statusCode());
        assertTrue(json.readTree(missing.body()).get("error").asText().startsWith("no such route"), missing.body());

        HttpResponse<String> notWebSocket = get("v1/stream");
        assertEquals(426, notWebSocket.statusCode(), notWebSocket.body());
        assertTrue(json.readTree(notWebSocket.body()).get("error").asText().startsWith("/v1/stream is a WebSocket"));
        assertEquals(405, get("v1/recognize").statusCode(), "recognize takes POST");

        HttpResponse<String> health = get("healthz");
        assertEquals(200, health.statusCode());
        assertEquals("ready", json.readTree(health.body()).get("status").asText());
        String metrics = get("metrics").body();
        assertTrue(metrics.contains("digits_requests_total{route=\"/v1/recognize\",status=\"415\"}"), metrics);
        assertTrue(metrics.contains("digits_requests_total{route=\"/v1/recognize\",status=\"413\"}"), metrics);
        assertTrue(metrics.contains("digits_model_info{extractor=\"mfcc-librosa\",model=\"tribuo svm\"} 1"), metrics);
        assertTrue(metrics.contains("digits_request_seconds_bucket{le=\"+Inf\"}"), metrics);

        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("v1/stream") && page.body().contains("v1/recognize"), "the page calls the API");
    }

    /** A recognition request as a browser sends it from a page of {@code origin}. */
    private static HttpResponse<String> postFrom(RecognitionServer s, String origin, byte[] clip) throws Exception {
        return http.send(HttpRequest.newBuilder(s.url().resolve("v1/recognize")).header("Content-Type", "audio/wav")
                .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofByteArray(clip)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesOfOtherOriginsCannotDriveTheServerUnlessAllowed() throws Exception {
        byte[] clip = Files.readAllBytes(testClips(1).get(0));
        String own = server.url().toString().replaceAll("/$", "");
        assertEquals(200, postFrom(server, own, clip).statusCode(), "the server's own page");
        HttpResponse<String> foreign = postFrom(server, "http://evil.example", clip);
        assertEquals(403, foreign.statusCode());
        assertTrue(json.readTree(foreign.body()).get("error").asText().contains("--allow-origin http://evil.example"),
                foreign.body());
        CompletionException refused = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .header("Origin", "http://evil.example")
                .buildAsync(URI.create(own.replace("http:", "ws:") + "/v1/stream?rate=8000"), new Collector()).join());
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        ServeSettings d = ServeSettings.defaults();
        ServeSettings allowing = new ServeSettings(d.host(), 0, d.threads(), d.queue(), d.maxBodyBytes(), d.maxStreams(),
                d.maxStreamSeconds(), null, d.topK(), List.of("https://app.example.com"), d.connections());
        try (RecognitionServer open = RecognitionServer.start(bundle, allowing, System.err)) {
            HttpResponse<String> allowed = postFrom(open, "https://app.example.com", clip);
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertEquals("https://app.example.com", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals(403, postFrom(open, "https://other.example.com", clip).statusCode());
        }
    }

    @Test
    void manyUpgradesAtOnceNeverOpenMoreStreamsThanTheLimit() throws Exception {
        ServeSettings d = ServeSettings.defaults();
        ServeSettings four = new ServeSettings(d.host(), 0, d.threads(), d.queue(), d.maxBodyBytes(), 4,
                d.maxStreamSeconds(), null, d.topK(), List.of(), d.connections());
        try (RecognitionServer limited = RecognitionServer.start(bundle, four, System.err)) {
            URI ws = URI.create(limited.url().toString().replace("http:", "ws:") + "v1/stream?rate=8000");
            List<Collector> collectors = new ArrayList<>();
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Collector c = new Collector();
                collectors.add(c);
                opening.add(http.newWebSocketBuilder().buildAsync(ws, c));
            }
            int ready = 0;
            int refused = 0;
            for (int i = 0; i < collectors.size(); i++) {
                try {
                    opening.get(i).join();
                } catch (CompletionException e) {
                    refused++; // the fast check before the upgrade: 503
                    continue;
                }
                Collector c = collectors.get(i);
                for (int wait = 0; wait < 100 && c.messages.isEmpty() && !c.closed.isDone(); wait++) {
                    Thread.sleep(50);
                }
                if (c.messages.stream().anyMatch(m -> m.contains("\"ready\""))) {
                    ready++;
                } else {
                    assertEquals(1013, c.closed.get(10, TimeUnit.SECONDS), c.messages.toString());
                    refused++;
                }
            }
            assertEquals(4, ready, "streams opened against a limit of 4");
            assertEquals(36, refused);
            assertEquals(4, limited.metrics().openStreams());
        }
    }

    /** Sends raw bytes as a request and returns the status line's code (or -1 when the server closed without one). */
    private static int raw(RecognitionServer s, String head, byte[] body, boolean abort) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(s.url().getHost(), s.url().getPort())) {
            socket.setSoTimeout(15_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            if (abort) {
                socket.setSoLinger(true, 0);
                return -1;
            }
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return status == null ? -1 : Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void malformedRequestsAreTheClientsFaultNotTheServers() throws Exception {
        String host = "Host: " + server.url().getHost() + ":" + server.url().getPort() + "\r\n";
        byte[] junk = "not a multipart body at all".getBytes(StandardCharsets.US_ASCII);
        assertEquals(400, raw(server, "POST /v1/recognize HTTP/1.1\r\n" + host + "Content-Type: multipart/form-data; "
                + "boundary=XyZ\r\nContent-Length: " + junk.length + "\r\nConnection: close\r\n\r\n", junk, false));
        int semicolons = raw(server, "POST /v1/recognize HTTP/1.1\r\n" + host + "Content-Type: ;;;\r\nContent-Length: "
                + junk.length + "\r\nConnection: close\r\n\r\n", junk, false);
        assertTrue(semicolons >= 400 && semicolons < 500, "Content-Type ;;; is " + semicolons);
        int chunk = raw(server, "POST /v1/recognize HTTP/1.1\r\n" + host + "Content-Type: audio/wav\r\nTransfer-Encoding: "
                + "chunked\r\nConnection: close\r\n\r\n", "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                false);
        assertTrue(chunk >= 400 && chunk < 500, "a bad chunk size is " + chunk);
        raw(server, "POST /v1/recognize HTTP/1.1\r\n" + host + "Content-Type: audio/wav\r\nContent-Length: 100000\r\n\r\n",
                new byte[1000], true);
        // a body declared far too large that never comes: 413 at once, not after the idle timeout (the socket's read
        // timeout here is shorter than the server's idle timeout)
        assertEquals(413, raw(server, "POST /v1/recognize HTTP/1.1\r\n" + host + "Content-Type: audio/wav\r\n"
                + "Content-Length: 1000000000\r\n\r\n", new byte[0], false));
        Thread.sleep(500);
        String metrics = get("metrics").body();
        assertFalse(metrics.contains("status=\"500\""), metrics);
    }

    @Test
    void aTokenIsRequiredWhenOneIsSet() throws Exception {
        String token = "s3cret-token-of-some-length";
        try (RecognitionServer guarded = RecognitionServer.start(bundle,
                ServeSettings.defaults().withPort(0).withToken(token), System.err)) {
            byte[] clip = Files.readAllBytes(testClips(1).get(0));
            HttpResponse<String> none = post(guarded, "audio/wav", clip, null);
            assertEquals(401, none.statusCode());
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, post(guarded, "audio/wav", clip, "wrong").statusCode());
            assertEquals(200, post(guarded, "audio/wav", clip, token).statusCode());

            CompletionException refused = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                    .buildAsync(URI.create(guarded.url().toString().replace("http:", "ws:") + "v1/stream"),
                            new Collector()).join());
            assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
            assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            Collector c = new Collector();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(guarded.url().toString().replace("http:", "ws:")
                    + "v1/stream?rate=8000&token=" + token), c).join();
            ws.sendText("end", true).join();
            assertTrue(c.closed.get(10, TimeUnit.SECONDS) == 1000);
        }
    }

    @Test
    void aBusyServerAnswers503AndStillFinishesWhatItAccepted() throws Exception {
        try (RecognitionServer one = RecognitionServer.start(bundle,
                ServeSettings.defaults().withPort(0).withLimits(1, 0, 20_000_000), System.err)) {
            List<String> names = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (Path c : testClips(300)) {
                names.add(c.getFileName().toString());
                contents.add(Files.readAllBytes(c));
            }
            byte[] body = multipart("b0undary", names, contents);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<HttpResponse<String>> long_ = pool.submit(() -> post(one, "multipart/form-data; boundary=b0undary",
                    body, null));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!one.metrics().prometheusText().contains("digits_queue_running 1") && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            HttpResponse<String> shed = post(one, "audio/wav", contents.get(0), null);
            assertEquals(503, shed.statusCode(), shed.body());
            assertEquals("1", shed.headers().firstValue("Retry-After").orElse(""));
            assertTrue(json.readTree(shed.body()).get("error").asText().startsWith("the server is busy"));
            HttpResponse<String> accepted = long_.get(60, TimeUnit.SECONDS);
            assertEquals(200, accepted.statusCode());
            JsonNode results = json.readTree(accepted.body()).get("results");
            assertEquals(300, results.size());
            results.forEach(x -> assertNotNull(x.get("digit"), x.toString()));
            pool.shutdown();
        }
    }

    @Test
    void concurrentClientsGetTheSameAnswersAsOneAtATime() throws Exception {
        List<Path> clips = testClips(40);
        List<String> sequential = new ArrayList<>();
        for (Path c : clips) {
            sequential.add(json.readTree(post(server, "audio/wav", Files.readAllBytes(c), null).body()).get("digit").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> answers = new ArrayList<>();
        for (Path c : clips) {
            answers.add(pool.submit(() -> {
                HttpResponse<String> r = post(server, "audio/wav", Files.readAllBytes(c), null);
                assertEquals(200, r.statusCode(), r.body());
                return json.readTree(r.body()).get("digit").asText();
            }));
        }
        for (int i = 0; i < clips.size(); i++) {
            assertEquals(sequential.get(i), answers.get(i).get(60, TimeUnit.SECONDS), clips.get(i).toString());
        }
        pool.shutdown();
    }

    @Test
    void aWebSocketStreamGetsEachDigitAsItsUtteranceEnds() throws Exception {
        String digits = "40712";
        float[] audio = ModelUseTest.digitString(digits, new String[] {"theo", "nicolas"}, new java.util.Random(3),
                new ArrayList<>());
        List<String> local = new ArrayList<>();
        StreamingSession offline = new StreamingSession(new ClipRecognizer(bundle), 8000,
                VoiceActivityDetector.Settings.defaults(), 0.5, r -> local.add(r.label()));
        offline.feed(audio, audio.length);
        offline.close();

        Collector c = new Collector();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(server.url().toString().replace("http:", "ws:")
                + "v1/stream?rate=8000"), c).join();
        ByteBuffer pcm = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : audio) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
        }
        pcm.flip();
        // uneven chunks, odd sizes included: a sample may be split between two messages
        int[] sizes = {3201, 799, 4000, 1, 2047};
        for (int i = 0; pcm.hasRemaining(); i++) {
            int n = Math.min(sizes[i % sizes.length], pcm.remaining());
            ByteBuffer part = pcm.slice(pcm.position(), n);
            pcm.position(pcm.position() + n);
            ws.sendBinary(part, true).join();
        }
        ws.sendText("nonsense", true).join();
        ws.sendText("end", true).join();
        assertEquals(1000, c.closed.get(30, TimeUnit.SECONDS));
        List<JsonNode> messages = new ArrayList<>();
        for (String m : c.messages) {
            messages.add(json.readTree(m));
        }
        assertEquals("ready", messages.get(0).get("type").asText());
        assertEquals(8000, messages.get(0).get("rate").asInt());
        StringBuilder streamed = new StringBuilder();
        messages.stream().filter(m -> m.get("type").asText().equals("digit"))
                .forEach(m -> streamed.append(m.get("digit").asText()));
        assertEquals(String.join("", local), streamed.toString(), "the server segments and recognises as stream does");
        assertTrue(ModelUseTest.editDistance(digits, streamed.toString()) <= 1, streamed.toString());
        assertTrue(messages.stream().anyMatch(m -> m.get("type").asText().equals("error")
                && m.get("error").asText().startsWith("send audio as binary messages")), c.messages.toString());
        assertEquals("end", messages.get(messages.size() - 1).get("type").asText());

        CompletionException badRate = assertThrows(CompletionException.class, () -> http.newWebSocketBuilder()
                .buildAsync(URI.create(server.url().toString().replace("http:", "ws:") + "v1/stream?rate=-8000"),
                        new Collector()).join());
        assertEquals(400, ((WebSocketHandshakeException) badRate.getCause()).getResponse().statusCode());
    }

    /** Collects a WebSocket's text messages and its close code. */
    static final class Collector implements WebSocket.Listener {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
