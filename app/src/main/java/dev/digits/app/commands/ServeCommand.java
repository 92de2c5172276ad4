package dev.digits.app.commands;

import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.UsageException;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ConnectionLimits;
import dev.digits.serve.ServeSettings;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code digits serve --model m.digits}: a recognition service (HTTP API, WebSocket streams, a page to try it)
 * until it is stopped (Ctrl-C, SIGTERM). API reference: docs/serving.md.
 */
public final class ServeCommand implements Command {
    private final Plugins plugins;

    @Inject
    public ServeCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve a model bundle over HTTP: POST /v1/recognize, WebSocket /v1/stream, a page at /, /healthz, /metrics";
    }

    @Override
    public String usage() {
        return "--model m.digits [--host 127.0.0.1] [--port 8080] [--threads N] [--queue N] [--max-bytes N]\n"
                + "    [--max-streams N] [--token-file F] [--top K]";
    }

    @Override
    public Options options() {
        ServeSettings d = ServeSettings.defaults();
        return new Options()
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("FILE").desc("model bundle (digits train)").build())
                .addOption(Option.builder().longOpt("host").hasArg().argName("ADDRESS")
                        .desc("address to listen on (default " + d.host() + ": this machine only; 0.0.0.0: every interface)").build())
                .addOption(Option.builder().longOpt("port").hasArg().argName("PORT")
                        .desc("port (default " + d.port() + "; 0: any free port, printed)").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("worker threads recognising uploads (default: one per core, " + d.threads() + " here)").build())
                .addOption(Option.builder().longOpt("queue").hasArg().argName("N")
                        .desc("uploads that may wait for a worker before requests get 503 (default " + d.queue() + ")").build())
                .addOption(Option.builder().longOpt("max-bytes").hasArg().argName("N")
                        .desc("largest request body, in bytes (default " + d.maxBodyBytes() + ")").build())
                .addOption(Option.builder().longOpt("max-streams").hasArg().argName("N")
                        .desc("WebSocket streams open at once (default " + d.maxStreams() + ")").build())
                .addOption(Option.builder().longOpt("token-file").hasArg().argName("FILE")
                        .desc("require 'Authorization: Bearer TOKEN', the token read from this file").build())
                .addOption(Option.builder().longOpt("allow-origin").hasArg().argName("ORIGIN")
                        .desc("let scripts of web pages from ORIGIN (such as https://app.example.com; * for any) call the "
                                + "API; by default only the server's own page may (repeatable)").build())
                .addOption(Option.builder().longOpt("max-connections").hasArg().argName("N")
                        .desc("connections open at once over all clients (default "
                                + ConnectionLimits.DEFAULT_MAX_CONNECTIONS + ")").build())
                .addOption(Option.builder().longOpt("max-per-client").hasArg().argName("N")
                        .desc("requests of one client address handled at once; more wait their turn (default "
                                + ConnectionLimits.DEFAULT_PER_CLIENT + ")").build())
                .addOption(Option.builder("k").longOpt("top").hasArg().argName("K")
                        .desc("labels listed with their probabilities in each result (default " + d.topK() + ")").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("model")) {
            throw new UsageException("--model FILE is required");
        }
        if (!line.getArgList().isEmpty()) {
            throw new UsageException("serve takes no arguments, got " + line.getArgList());
        }
        ServeSettings d = ServeSettings.defaults();
        int port = NumberOption.wholeNumber(line, "port", d.port(), 0, 65535);
        ServeSettings settings = new ServeSettings(line.getOptionValue("host", d.host()), port,
                NumberOption.wholeNumber(line, "threads", d.threads(), 1, 1024), NumberOption.wholeNumber(line, "queue", d.queue(), 0, 100000),
                NumberOption.wholeNumber(line, "max-bytes", (int) d.maxBodyBytes(), 1024, Integer.MAX_VALUE - 8),
                NumberOption.wholeNumber(line, "max-streams", d.maxStreams(), 1, 10000), d.maxStreamSeconds(),
                line.hasOption("token-file") ? token(Path.of(line.getOptionValue("token-file")), console) : null,
                NumberOption.wholeNumber(line, "top", d.topK(), 1, 1000),
                line.hasOption("allow-origin") ? List.of(line.getOptionValues("allow-origin")) : List.of(),
                new ConnectionLimits(
                        NumberOption.wholeNumber(line, "max-connections", ConnectionLimits.DEFAULT_MAX_CONNECTIONS, 1, 100000),
                        NumberOption.wholeNumber(line, "max-per-client", ConnectionLimits.DEFAULT_PER_CLIENT, 1, 10000),
                        ConnectionLimits.DEFAULT_MIN_BODY_RATE, ConnectionLimits.DEFAULT_DRAIN_SECONDS));
        if (!isLoopback(settings.host()) && settings.token() == null) {
            console.err().println("warning: listening on " + settings.host() + " without a token: anyone who can reach "
                    + "this port can use the service (--token-file, or a reverse proxy that authenticates)");
        }
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        bundle.warnings().forEach(w -> console.err().println("warning: " + line.getOptionValue("model") + ": " + w));
        RecognitionServer server = RecognitionServer.start(bundle, settings, console.err());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "digits-serve-stop"));
        console.out().printf("serving %s (%s + %s %s) at %s%n", line.getOptionValue("model"), bundle.extractor().name(),
                bundle.manifest().backend(), bundle.manifest().modelType(), server.url());
        console.out().printf("  page %s, API %sv1/recognize and %sv1/stream, %d workers, queue %d%s; Ctrl-C stops%n",
                server.url(), server.url(), server.url().toString().replace("http:", "ws:"), settings.threads(),
                settings.queue(), settings.token() == null ? "" : ", token required");
        console.out().flush();
        stopped.await();
        return 0;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The token in the file (surrounding white space dropped); a warning when others may read the file. */
    static String token(Path file, Console console) throws IOException, UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--token-file " + file + ": no such file");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8);
        if (token.startsWith("\uFEFF")) { // a byte-order mark, as some Windows editors write: not part of the token
            token = token.substring(1);
        }
        token = token.strip();
        if (token.isEmpty() || token.contains("\n") || token.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("--token-file " + file + ": the file must hold one token on one line");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UsageException("--token-file " + file + ": the token must be printable ASCII without spaces "
                    + "(clients send it in an HTTP header); for example: openssl rand -hex 32");
        }
        if (token.length() < 16) {
            console.err().println("warning: --token-file " + file + ": a token of " + token.length()
                    + " characters is easy to guess; use 16 or more (for example: openssl rand -hex 32)");
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ)) {
                console.err().println("warning: --token-file " + file + " can be read by other users (chmod 600 it)");
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return token;
    }
}
