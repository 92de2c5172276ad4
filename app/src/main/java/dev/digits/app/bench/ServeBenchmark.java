package dev.digits.app.bench;

import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.app.cli.UsageException;
import dev.digits.recognition.ClipRecognizer;
import dev.digits.serve.RecognitionServer;
import dev.digits.serve.ServeSettings;
import dev.digits.core.audio.WavFile;
import dev.digits.core.audio.WavReader;
import dev.digits.core.dataset.DatasetLocator;
import org.apache.commons.cli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code digits bench serve --model m.digits}: N clients post recordings to a local {@code digits serve} for T
 * seconds (each waiting as Retry-After says after a 503); prints throughput, latency percentiles and the answers by
 * status, next to what the same model does recognising the same files one at a time on one thread (predict's rate
 * per core), timed in turns with the load in the same run. The clients run in this process, so the server's rate per
 * core is its answers per CPU-second of every thread but theirs.
 */
final class ServeBenchmark {
    /** Recognition on its own before anything is timed (at most), so the JIT has compiled its path. */
    private static final int PREDICT_WARM_UP_SECONDS = 5;
    /** Turns of predict alone and load on the server. */
    private static final int ROUNDS = 3;
    /** Predict alone on one thread, per round (at most). */
    private static final int PREDICT_SECONDS = 3;

    private final Plugins plugins;
    private final DatasetLocator locator;

    ServeBenchmark(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("model")) {
            throw new UsageException("bench serve needs --model m.digits (a bundle from digits train)");
        }
        int clients = NumberOption.wholeNumber(line, "clients", 16, 1, 1024);
        int seconds = NumberOption.wholeNumber(line, "seconds", 10, 1, 3600);
        // the JIT is still compiling Jetty's and the client's paths for tens of seconds after the server starts
        int warmUp = NumberOption.wholeNumber(line, "warm-up", 30, 0, 3600);
        ServeSettings defaults = ServeSettings.defaults();
        int threads = NumberOption.wholeNumber(line, "threads", defaults.threads(), 1, 1024);
        int queue = NumberOption.wholeNumber(line, "queue", defaults.queue(), 0, 100000);
        PrintStream out = console.out();
        List<byte[]> clips = clips(line.getOptionValue("data"));
        ModelBundle bundle = ModelBundle.read(Path.of(line.getOptionValue("model")), plugins);
        out.printf("model: %s (%s + %s %s); %d recordings; JVM %s %s; %d cores%n", line.getOptionValue("model"),
                bundle.extractor().name(), bundle.manifest().backend(), bundle.manifest().modelType(), clips.size(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        ClipRecognizer recognizer = new ClipRecognizer(bundle);
        // warm-up: the JIT compiles the recognition path before anything is timed
        if (warmUp > 0) {
            predictRate(recognizer, clips, threads, Math.min(warmUp, PREDICT_WARM_UP_SECONDS));
        }
        int predictSeconds = Math.max(1, Math.min(PREDICT_SECONDS, seconds / ROUNDS));

        ServeSettings settings = defaults.withPort(0).withLimits(threads, queue, defaults.maxBodyBytes());
        try (RecognitionServer server = RecognitionServer.start(bundle, settings, console.err())) {
            URI url = server.url().resolve("v1/recognize");
            out.printf("server: %s, %d workers, queue %d; %d clients for %d s after %d s of warm-up, in %d rounds "
                    + "each after %d s of predict on one thread%n", server.url(), threads, queue, clients, seconds,
                    warmUp, ROUNDS, predictSeconds);
            if (warmUp > 0) {
                load(url, clips, clients, warmUp);
            }
            // Shared machines drift by tens of percent within a minute: predict alone and the server are timed in
            // turns, and each side's figures are the sums over the rounds.
            Rate oneThread = null;
            Result r = null;
            for (int round = 0; round < ROUNDS; round++) {
                Rate p = predictRate(recognizer, clips, 1, predictSeconds);
                oneThread = oneThread == null ? p : oneThread.plus(p);
                int part = seconds / ROUNDS + (round < seconds % ROUNDS ? 1 : 0);
                if (part > 0) {
                    Result load = load(url, clips, clients, part);
                    r = r == null ? load : r.plus(load);
                }
            }
            report(out, oneThread, r, threads);
        }
        return 0;
    }

    /** The figures of a run: predict alone, the requests, their latency, throughput and CPU by thread group. */
    private static void report(PrintStream out, Rate oneThread, Result r, int threads) {
        double perCore = oneThread.perSecond();
        out.printf(Locale.ROOT, "predict, one thread: %.1f recordings/s (%.2f ms each; %.1f per CPU-second of the "
                + "process, JIT and GC included)%n", perCore, 1000 / perCore, oneThread.perCpuSecond());
        List<Long> ok = r.latencies;
        Collections.sort(ok);
        out.printf(Locale.ROOT, "requests: %d in %.1f s; by status: %s; transport errors: %d%n", r.total(), r.seconds,
                r.statuses, r.errors.get());
        if (!ok.isEmpty()) {
            out.printf(Locale.ROOT, "latency of answered requests: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(ok, 0.50), pct(ok, 0.90), pct(ok, 0.99), ok.get(ok.size() - 1) / 1e6);
        }
        double answered = r.statuses.getOrDefault(200, 0);
        double throughput = answered / r.seconds;
        out.printf(Locale.ROOT, "throughput: %.1f recordings/s = %.2f x predict's one-thread rate (%d workers; the "
                + "clients share the machine)%n", throughput, throughput / perCore, threads);
        // The clients run in this process on the same cores; what the server costs is the CPU time of every
        // other thread, so its rate per core is answers per CPU-second outside the clients.
        double perServerCore = answered / r.serverCpuSeconds();
        out.printf(Locale.ROOT, "per core: the server answers %.1f recordings per CPU-second = %.0f%% of predict "
                + "on one thread (CPU: %.1f s in %.1f s; clients %.1f s, server %.1f s incl. JIT and GC)%n",
                perServerCore, 100 * perServerCore / oneThread.perCpuSecond(), r.processCpuSeconds, r.seconds,
                r.clientCpuSeconds, r.serverCpuSeconds());
        StringBuilder groups = new StringBuilder();
        double javaTotal = 0;
        for (Map.Entry<String, Double> g : r.javaThreadCpu.entrySet()) {
            javaTotal += g.getValue();
            if (g.getValue() >= 0.05) {
                groups.append(String.format(Locale.ROOT, "%s %.1f s, ", g.getKey(), g.getValue()));
            }
        }
        out.printf(Locale.ROOT, "CPU by thread: %sJVM-internal (JIT, GC) %.1f s%n", groups,
                r.processCpuSeconds - javaTotal);
    }

    /** CPU time so far of every live Java thread, by thread id. */
    private static Map<Long, Long> threadCpuNanos(ThreadMXBean threads) {
        Map<Long, Long> out = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                out.put(id, nanos);
            }
        }
        return out;
    }

    /** CPU time of this whole process so far (every thread), in nanoseconds. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }

    private static double pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** The recordings to send: every WAV under DIR, or FSDD's official test clips (indices 0-4). */
    private List<byte[]> clips(String data) throws IOException {
        List<Path> files;
        if (data != null) {
            Path dir = Path.of(data);
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + ": no such folder");
            }
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".wav")).sorted().toList();
            }
        } else {
            try (Stream<Path> s = Files.list(locator.locate("fsdd").resolve("recordings"))) {
                files = s.filter(p -> p.getFileName().toString().matches("[0-9]_[a-z]+_[0-4]\\.wav")).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            throw new IOException((data == null ? "fsdd" : data) + ": no WAV files");
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    /**
     * Recordings per second recognising them one after another (decoding included) on each of {@code threads}
     * threads at once, all sharing one recogniser as the server's workers do.
     */
    private static Rate predictRate(ClipRecognizer recognizer, List<byte[]> clips, int threads, int seconds)
            throws Exception {
        long cpu0 = processCpuNanos();
        Path name = Path.of("bench.wav");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            long end = t0 + seconds * 1_000_000_000L;
            List<Future<Integer>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                counts.add(pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < end) {
                        WavFile wav = WavReader.decode(name, clips.get((first + n * threads) % clips.size()));
                        recognizer.recognize(wav, "bench");
                        n++;
                    }
                    return n;
                }));
            }
            int n = 0;
            for (Future<Integer> c : counts) {
                n += c.get();
            }
            return new Rate(n, (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** Recordings recognised in some seconds of wall time and of the process's CPU time. */
    private record Rate(int recordings, double seconds, double cpuSeconds) {
        double perSecond() {
            return recordings / seconds;
        }

        double perCpuSecond() {
            return recordings / cpuSeconds;
        }

        Rate plus(Rate o) {
            return new Rate(recordings + o.recordings, seconds + o.seconds, cpuSeconds + o.cpuSeconds);
        }
    }

    /**
     * What one load run gave: answers by status, latencies of the answered requests, transport errors, the wall time,
     * and the CPU time the process spent (all threads) and the part of it the client threads spent.
     */
    private record Result(Map<Integer, Integer> statuses, List<Long> latencies, AtomicInteger errors, double seconds,
                          double processCpuSeconds, double clientCpuSeconds, Map<String, Double> javaThreadCpu) {

        /** Both runs' figures together. */
        Result plus(Result o) {
            Map<Integer, Integer> st = new TreeMap<>(statuses);
            o.statuses.forEach((k, v) -> st.merge(k, v, Integer::sum));
            List<Long> lat = new ArrayList<>(latencies);
            lat.addAll(o.latencies);
            Map<String, Double> cpu = new TreeMap<>(javaThreadCpu);
            o.javaThreadCpu.forEach((k, v) -> cpu.merge(k, v, Double::sum));
            return new Result(st, lat, new AtomicInteger(errors.get() + o.errors.get()), seconds + o.seconds,
                    processCpuSeconds + o.processCpuSeconds, clientCpuSeconds + o.clientCpuSeconds, cpu);
        }

        /** CPU seconds spent by everything but the clients: the server's threads, its JIT and its garbage collector. */
        double serverCpuSeconds() {
            return processCpuSeconds - clientCpuSeconds;
        }

        int total() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum() + errors.get();
        }
    }

    /**
     * {@code clients} threads posting recordings in turn for {@code seconds}, each over its own kept-alive
     * connection with the JDK's blocking client (lighter than java.net.http's, which would take a share of the
     * machine the server is measured on).
     */
    private static Result load(URI url, List<byte[]> clips, int clients, int seconds) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        AtomicLong clientCpuNanos = new AtomicLong();
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        Map<Long, Long> threads0 = threadCpuNanos(threadCpu);
        long processCpu0 = processCpuNanos();
        AtomicInteger clientNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                r -> new Thread(r, "bench-client-" + clientNumber.incrementAndGet()));
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                long cpu0 = threadCpu.getCurrentThreadCpuTime();
                byte[] buffer = new byte[8192];
                while (System.nanoTime() < end) {
                    byte[] body = clips.get((int) (next.getAndIncrement() % clips.size()));
                    long s = System.nanoTime();
                    try {
                        HttpURLConnection http = (HttpURLConnection) url.toURL().openConnection();
                        http.setRequestMethod("POST");
                        http.setDoOutput(true);
                        http.setConnectTimeout(10_000);
                        http.setFixedLengthStreamingMode(body.length);
                        http.setRequestProperty("Content-Type", "audio/wav");
                        try (OutputStream o = http.getOutputStream()) {
                            o.write(body);
                        }
                        int status = http.getResponseCode();
                        // read the answer to its end, so the connection goes back to the keep-alive cache
                        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                            while (in != null && in.read(buffer) >= 0) {
                                // discard
                            }
                        }
                        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                        if (status == 200) {
                            latencies.add(System.nanoTime() - s);
                        } else if (status == 503) {
                            // as a well-behaved client does: wait as long as Retry-After says
                            String after = http.getHeaderField("Retry-After");
                            Thread.sleep(1000L * Long.parseLong(after == null ? "1" : after.trim()));
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                clientCpuNanos.addAndGet(threadCpu.getCurrentThreadCpuTime() - cpu0);
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double processCpu = (processCpuNanos() - processCpu0) / 1e9;
        Map<String, Double> byGroup = new TreeMap<>();
        threadCpuNanos(threadCpu).forEach((id, nanos) -> {
            java.lang.management.ThreadInfo info = threadCpu.getThreadInfo(id);
            if (info != null) {
                byGroup.merge(info.getThreadName().replaceAll("[-#]?\\d+", ""),
                        (nanos - threads0.getOrDefault(id, 0L)) / 1e9, Double::sum);
            }
        });
        pool.shutdown();
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        return new Result(counts, new ArrayList<>(latencies), errors, elapsed, processCpu, clientCpuNanos.get() / 1e9,
                byGroup);
    }
}
