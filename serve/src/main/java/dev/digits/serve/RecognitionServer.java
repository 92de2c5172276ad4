package dev.digits.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.ClipRecognizer;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.recognition.Recognition;
import dev.digits.recognition.StreamingSession;
import dev.digits.core.audio.AudioFileException;
import dev.digits.core.audio.AudioLimits;
import dev.digits.core.audio.WavReader;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recognition service of {@code digits serve}: one model bundle, loaded once and shared, behind an HTTP API
 * ({@code POST /v1/recognize}, the WebSocket {@code /v1/stream}), a page to try it ({@code GET /}), and
 * {@code /healthz} and {@code /metrics}. Uploads are recognised on a fixed pool of workers with a bounded queue;
 * no route reads the server's files.
 */
public final class RecognitionServer implements AutoCloseable {
    /** Content types taken as one WAV recording. */
    static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave",
            "application/octet-stream");

    private final ClipRecognizer recognizer;
    /** When an upload is answered ?: the bundle's threshold, as the library's {@code DigitRecognizer}. */
    private final OpenSetRule clipRule;
    private final ServeSettings settings;
    private final RequestGuard guard;
    private final WorkQueue queue;
    private final ServiceMetrics metrics;
    private final PrintStream log;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, StreamSession> streams = new ConcurrentHashMap<>();
    private final Map<String, WsContext> sockets = new ConcurrentHashMap<>();
    private final String modelName;
    private final JettySetup jetty = new JettySetup();
    private final Javalin app;
    private volatile boolean ready;

    private RecognitionServer(ModelBundle bundle, ServeSettings settings, PrintStream log) {
        this.recognizer = new ClipRecognizer(bundle);
        this.clipRule = new OpenSetRule(bundle.minConfidence().orElse(0.0));
        this.settings = settings;
        this.guard = new RequestGuard(settings);
        this.log = log;
        this.queue = new WorkQueue(settings.threads(), settings.queue());
        this.modelName = bundle.manifest().backend() + " " + bundle.manifest().modelType();
        this.metrics = new ServiceMetrics(bundle.extractor().name(), modelName, queue::waiting, queue::running);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            jetty.apply(config, settings);
            config.routes.get("/", this::page);
            config.routes.get("/healthz", this::health);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.prometheusText()));
            config.routes.post("/v1/recognize", this::recognize);
            config.routes.get("/v1/stream", ctx -> {
                throw new ApiException(426, "/v1/stream is a WebSocket: connect with ws://" + ctx.host()
                        + "/v1/stream?rate=16000 (see /)");
            });
            config.routes.wsBeforeUpgrade("/v1/stream", this::beforeStream);
            config.routes.ws("/v1/stream", this::stream);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> {
                ApiException clients = ClientFaults.of(e).orElse(null);
                if (clients != null) {
                    error(ctx, clients);
                    return;
                }
                log.println("digits serve: " + ctx.method() + " " + ctx.path() + ": " + e);
                error(ctx, new ApiException(500, "internal error: " + e.getMessage()));
            });
            config.routes.error(404, ctx -> error(ctx, new ApiException(404, "no such route: " + ctx.method() + " "
                    + ctx.path() + " (the API: POST /v1/recognize, WebSocket /v1/stream; see /)")));
            config.routes.error(405, ctx -> error(ctx, new ApiException(405, ctx.method() + " is not allowed on "
                    + ctx.path())));
        });
    }

    /**
     * Starts a server on the bundle: listening at once ({@code /healthz} says 503 until ready), then warmed up.
     *
     * @param log where start-up and internal errors are reported
     */
    public static RecognitionServer start(ModelBundle bundle, ServeSettings settings, PrintStream log) {
        RecognitionServer server = new RecognitionServer(bundle, settings, log);
        server.app.start();
        StreamingSession.warmedUp(server.recognizer, bundle.inputRate().orElse(16000));
        server.ready = true;
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The address clients use, such as {@code http://127.0.0.1:8080/}. */
    public URI url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port() + "/");
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** HTTP sessions the server holds: none once each request has ended, WebSocket upgrades included. */
    public long httpSessions() {
        return jetty.httpSessions();
    }

    /**
     * Stops gracefully: open streams get their last digit, an end message and a close frame (1001); new connections
     * are refused; requests already accepted finish, within the drain deadline of {@link ConnectionLimits}.
     */
    @Override
    public void close() {
        sockets.forEach((id, ws) -> {
            try {
                StreamSession s = streams.get(id);
                if (s != null) {
                    s.finish();
                }
                ws.send(text(Map.of("type", "end", "reason", "the server is shutting down")));
                ws.closeSession(1001, "server shutting down");
            } catch (RuntimeException e) {
                // the client went away meanwhile: nothing to tell it
            }
        });
        app.stop();
        queue.close();
    }

    private void page(Context ctx) throws IOException {
        try (InputStream in = RecognitionServer.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IOException("the page is missing from the application (index.html)");
            }
            ctx.contentType("text/html; charset=utf-8").header("Content-Security-Policy", "default-src 'self'; "
                    + "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:")
                    .result(in.readAllBytes());
        }
    }

    private void health(Context ctx) {
        Map<String, Object> body = Map.of("status", ready ? "ready" : "warming up",
                "extractor", recognizer.bundle().extractor().name(), "model", modelName);
        ctx.status(ready ? 200 : 503);
        send(ctx, body);
    }

    /** A WAV body, or a multipart upload of several files (one result each). */
    private void recognize(Context ctx) throws Exception {
        long t0 = System.nanoTime();
        guard.checkOrigin(ctx);
        guard.authorize(ctx.header("Authorization"), null);
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
        long declared = ctx.req().getContentLengthLong();
        if (declared > settings.maxBodyBytes()) {
            throw tooLarge(declared);
        }
        queue.checkRoom();
        if (type.equals("multipart/form-data")) {
            List<UploadedFile> files;
            try {
                files = ctx.uploadedFiles();
            } catch (RuntimeException e) {
                throw e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("size")
                        ? tooLarge(-1) : new ApiException(400, "unreadable multipart upload: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw new ApiException(400, "the multipart upload holds no files (send each WAV file as a file part)");
            }
            List<String> names = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (UploadedFile f : files) {
                names.add(f.filename());
                try (InputStream in = f.content()) {
                    contents.add(in.readAllBytes());
                }
            }
            List<Recognized> results = queue.run(() -> {
                List<Recognized> out = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    try {
                        out.add(recognizeBytes(names.get(i), contents.get(i)));
                    } catch (ApiException e) {
                        out.add(Recognized.failed(names.get(i), e));
                    }
                }
                return out;
            });
            send(ctx, Map.of("results", results));
            metrics.request("/v1/recognize", 200, System.nanoTime() - t0);
            return;
        }
        if (!WAV_TYPES.contains(type)) {
            throw new ApiException(415, (type.isEmpty() ? "no Content-Type" : "Content-Type " + type + " is not taken")
                    + "; send a WAV body as audio/wav, or WAV files as multipart/form-data");
        }
        byte[] body = readBody(ctx.req().getInputStream());
        send(ctx, queue.run(() -> recognizeBytes(null, body)));
        metrics.request("/v1/recognize", 200, System.nanoTime() - t0);
    }

    private Recognized recognizeBytes(String file, byte[] bytes) {
        Recognition r;
        try {
            r = recognizer.recognize(WavReader.decode(Path.of(safeName(file)), bytes), file, clipRule);
        } catch (AudioFileException e) {
            throw new ApiException(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(422, "the model could not classify this recording: " + e.getMessage());
        }
        return new Recognized(file, r.label(), r.hasSpeech() ? r.confidence() : null,
                r.hasSpeech() ? r.top(settings.topK()) : null, r.warnings(), r.hasSpeech() ? null : r.reason(),
                r.hasSpeech() ? r.reason() : null,
                recognizer.bundle().extractor().name(), modelName, r.nanos() / 1e6, null, null);
    }

    /** A name for messages: the upload's file name without folders or control characters. */
    private static String safeName(String file) {
        if (file == null || file.isBlank()) {
            return "upload.wav";
        }
        String name = file.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "");
        return name.isBlank() ? "upload.wav" : name;
    }

    private byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
        if (bytes.length > settings.maxBodyBytes()) {
            throw tooLarge(-1);
        }
        return bytes;
    }

    private ApiException tooLarge(long declared) {
        return new ApiException(413, "the request is larger than this server takes (" + settings.maxBodyBytes()
                + " bytes" + (declared > 0 ? "; it declares " + declared : "") + "); see --max-bytes");
    }

    private void beforeStream(Context ctx) {
        guard.checkOrigin(ctx);
        guard.authorize(ctx.header("Authorization"), ctx.queryParam("token"));
        streamRate(ctx.queryParam("rate"));
        if (metrics.openStreams() >= settings.maxStreams()) {
            throw new ApiException(503, "the server has " + settings.maxStreams() + " streams open, its limit; "
                    + "try again shortly");
        }
    }

    private static int streamRate(String rate) {
        if (rate == null) {
            return 16000;
        }
        try {
            int r = Integer.parseInt(rate.trim());
            if (r >= AudioLimits.MIN_RATE && r <= AudioLimits.MAX_RATE) {
                return r;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ApiException(400, "rate takes a whole number of samples per second from " + AudioLimits.MIN_RATE + " to "
                + AudioLimits.MAX_RATE + ", got '"
                + rate + "'");
    }

    private void stream(WsConfig ws) {
        ws.onConnect(ctx -> {
            int rate = streamRate(ctx.queryParam("rate"));
            if (!metrics.tryOpenStream(settings.maxStreams())) { // many upgrades at once: counted here, atomically
                ctx.send(text(Map.of("type", "error", "error", "the server has " + settings.maxStreams() + " streams "
                        + "open, its limit; try again shortly", "status", 503)));
                ctx.closeSession(1013, "too many streams; try again later");
                return;
            }
            sockets.put(ctx.sessionId(), ctx);
            streams.put(ctx.sessionId(), new StreamSession(recognizer, rate, settings.maxStreamSeconds(), r -> {
                metrics.digitStreamed();
                Map<String, Object> message = new java.util.LinkedHashMap<>(Map.of("type", "digit", "digit", r.label(),
                        "confidence", r.confidence(), "start", r.startSeconds(), "end", r.endSeconds()));
                if (r.reason() != null) {
                    message.put("reason", r.reason());
                }
                ctx.send(text(message));
            }));
            ctx.send(text(Map.of("type", "ready", "rate", rate, "extractor", recognizer.bundle().extractor().name(),
                    "model", modelName)));
        });
        ws.onBinaryMessage(ctx -> {
            StreamSession s = streams.get(ctx.sessionId());
            try {
                s.accept(ctx.data());
            } catch (ApiException e) {
                ctx.send(text(Map.of("type", "error", "error", e.getMessage(), "status", e.status())));
                ctx.closeSession(1009, "stream too long");
            }
        });
        ws.onMessage(ctx -> {
            if (ctx.message().trim().equals("end")) {
                StreamSession s = streams.get(ctx.sessionId());
                s.finish();
                ctx.send(text(Map.of("type", "end")));
                ctx.closeSession(1000, "end of stream");
            } else {
                ctx.send(text(Map.of("type", "error", "error", "send audio as binary messages (16-bit little-endian "
                        + "mono PCM) and the text message 'end' when it ends", "status", 400)));
            }
        });
        ws.onClose(ctx -> {
            sockets.remove(ctx.sessionId());
            if (streams.remove(ctx.sessionId()) != null) {
                metrics.streamClosed();
            }
        });
        ws.onError(ctx -> {
            sockets.remove(ctx.sessionId());
            if (streams.remove(ctx.sessionId()) != null) {
                metrics.streamClosed();
            }
        });
    }

    private void error(Context ctx, ApiException e) {
        drainBody(ctx, e.status());
        ctx.status(e.status());
        if (e.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        send(ctx, Map.of("error", e.getMessage(), "status", e.status()));
        if (ctx.path().equals("/v1/recognize")) {
            metrics.request(ctx.path(), e.status(), -1);
        }
    }

    /**
     * Reads what is left of a refused request's body (up to twice the size limit), so that the client, which may
     * still be sending it, reads the answer instead of a reset connection.
     */
    private void drainBody(Context ctx, int status) {
        if (!"POST".equalsIgnoreCase(ctx.method().toString())) {
            return;
        }
        if (ctx.req().getContentLengthLong() > settings.maxBodyBytes() || status == 408) {
            // a body declared too large, or coming too slowly, is not read: the answer goes out and the connection closes
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = 2 * settings.maxBodyBytes();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // nothing more to read, the body was taken as parts, or it cannot be read (too slow, malformed): the
            // answer goes out as it is
        }
    }

    private void send(Context ctx, Object body) {
        ctx.contentType("application/json").result(text(body));
    }

    private String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
