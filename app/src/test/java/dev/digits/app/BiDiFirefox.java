package dev.digits.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox speaks natively (no geckodriver, which
 * Debian does not package): commands are JSON messages over one WebSocket. Only what the page test needs.
 */
final class BiDiFirefox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Process sound;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending;
    private final AtomicInteger ids = new AtomicInteger();
    private final String context;

    /** Starts {@code firefox} headless with a fresh profile holding {@code prefs} in {@code dir}. */
    static BiDiFirefox start(Path firefox, Path dir, Map<String, Object> prefs) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("firefox-profile"));
        StringBuilder userJs = new StringBuilder();
        prefs.forEach((k, v) -> userJs.append("user_pref(\"").append(k).append("\", ")
                .append(v instanceof String s ? "\"" + s + "\"" : v).append(");\n"));
        Files.writeString(profile.resolve("user.js"), userJs);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("firefox.log");
        Path home = Files.createDirectories(dir.resolve("firefox-home"));
        Process sound = startSoundServer(home);
        ProcessBuilder builder = new ProcessBuilder(firefox.toString(), "--headless", "--no-remote",
                "--remote-debugging-port", Integer.toString(port), "-profile", profile.toString(), "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PULSE_SERVER", "unix:" + home.resolve("pulse-socket"));
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains("WebDriver BiDi listening")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                sound.destroyForcibly();
                throw new IOException("Firefox did not start its WebDriver BiDi server: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/session"), new Listener(pending))
                    .get(30, TimeUnit.SECONDS);
            return new BiDiFirefox(process, sound, socket, pending);
        } catch (Exception e) {
            process.destroyForcibly();
            sound.destroyForcibly();
            throw e;
        }
    }

    private BiDiFirefox(Process process, Process sound, WebSocket socket,
            Map<Integer, CompletableFuture<JsonNode>> pending) throws Exception {
        this.process = process;
        this.sound = sound;
        this.socket = socket;
        this.pending = pending;
        send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        this.context = send("browsingContext.getTree", JSON.createObjectNode()).path("contexts").get(0)
                .path("context").asText();
    }

    /**
     * A private PulseAudio server whose only output is a null sink, for Firefox's Web Audio: without a sound device
     * its audio contexts never start, and ALSA's null device is not paced (audio would run far faster than real time).
     */
    private static Process startSoundServer(Path home) throws Exception {
        Path socket = home.resolve("pulse-socket");
        ProcessBuilder builder = new ProcessBuilder(FirefoxPageTest.PULSEAUDIO.toString(), "--daemonize=no", "-n", "--exit-idle-time=-1",
                "--disallow-exit", "--load=module-null-sink sink_name=null",
                "--load=module-native-protocol-unix auth-anonymous=1 socket=" + socket)
                .redirectErrorStream(true).redirectOutput(home.resolve("pulseaudio.log").toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString());
        Process sound = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!sound.isAlive() || System.nanoTime() > deadline) {
                sound.destroyForcibly();
                throw new IOException("PulseAudio did not start: " + Files.readString(home.resolve("pulseaudio.log")));
            }
            Thread.sleep(50);
        }
        return sound;
    }

    /** Sends a command and waits (30 s at most) for its result; an error answer throws. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.path("type").asText().equals("error")) {
            throw new IOException(method + ": " + reply.path("error").asText() + ": " + reply.path("message").asText());
        }
        return reply.path("result");
    }

    /** Runs {@code functionText} (JavaScript source of a function) in every page before the page's own scripts. */
    void beforeEveryPage(String functionText) throws Exception {
        send("script.addPreloadScript", JSON.createObjectNode().put("functionDeclaration", functionText));
    }

    void navigate(String url) throws Exception {
        send("browsingContext.navigate", JSON.createObjectNode().put("context", context).put("url", url)
                .put("wait", "complete"));
    }

    /** The value of a JavaScript expression in the page (promises awaited); an exception in the page throws. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode().put("expression", expression).put("awaitPromise", true);
        params.set("target", JSON.createObjectNode().put("context", context));
        JsonNode r = send("script.evaluate", params);
        if (r.path("type").asText().equals("exception")) {
            throw new IOException("in the page: " + r.path("exceptionDetails").path("text").asText());
        }
        return r.path("result");
    }

    /** The text of the element with this id. */
    String text(String id) throws Exception {
        return evaluate("document.getElementById('" + id + "').textContent").path("value").asText();
    }

    void click(String id) throws Exception {
        evaluate("document.getElementById('" + id + "').click()");
    }

    /** Chooses {@code file} in the file input with this id, as a user would (input and change events fire). */
    void setFile(String id, Path file) throws Exception {
        String element = evaluate("document.getElementById('" + id + "')").path("sharedId").asText();
        ObjectNode params = JSON.createObjectNode().put("context", context);
        params.set("element", JSON.createObjectNode().put("sharedId", element));
        params.set("files", JSON.createArrayNode().add(file.toAbsolutePath().toString()));
        send("input.setFiles", params);
    }

    @Override
    public void close() throws Exception {
        try {
            send("browser.close", JSON.createObjectNode());
        } catch (Exception e) {
            // the browser may already be gone; it is stopped below either way
        } finally {
            socket.abort();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            sound.destroy();
        }
    }

    /** Routes each answer (a text message, possibly in parts) to the command with its id. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final Map<Integer, CompletableFuture<JsonNode>> pending;

        Listener(Map<Integer, CompletableFuture<JsonNode>> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id")
                            ? pending.remove(message.path("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    // not JSON: nothing waits for it
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
