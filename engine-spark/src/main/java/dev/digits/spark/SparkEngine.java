package dev.digits.spark;

import dev.digits.recognition.provenance.ResultsJson;
import dev.digits.experiment.results.CellResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.engine.CellWork;
import dev.digits.experiment.engine.ExecutionEngine;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.features.ClipOutcome;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Spark engine: a corpus's extraction is one Spark job over the files (by path; {@code filesPerTask} per
 * task, or four tasks per core), and each cell of the grid is a Spark job of one task, as many at a time as Spark has cores. Results come
 * back to the driver, which writes them exactly as a local run does.
 */
final class SparkEngine implements ExecutionEngine {
    private static final Pattern LOCAL_WITH_RETRIES = Pattern.compile("local\\[\\s*(\\d+|\\*)\\s*,\\s*(\\d+)\\s*]");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** With filesPerTask not set: this many extraction tasks per core (few enough to keep Spark's per-task cost low). */
    private static final int TASKS_PER_CORE = 4;

    private final JavaSparkContext spark;
    private final String master;
    private final int filesPerTask;
    private final int maxAttempts;
    private final PrintStream err;

    private SparkEngine(JavaSparkContext spark, int filesPerTask, PrintStream err) {
        this.spark = spark;
        this.master = spark.master();
        this.filesPerTask = filesPerTask;
        this.maxAttempts = maxAttempts(master, spark.getConf());
        this.err = err;
    }

    /**
     * Starts a Spark context.
     *
     * @param master {@code null}: what spark-submit set ({@code spark.master}), else {@code local[*]}
     */
    static SparkEngine start(String master, int filesPerTask, Map<?, ?> conf, PrintStream err) {
        quietSparkLogging();
        SparkConf sc = new SparkConf().setAppName("digits");
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster("local[*]");
        }
        sc.setIfMissing("spark.ui.enabled", "false");
        if (sc.get("spark.master").startsWith("local")) {
            sc.setIfMissing("spark.driver.host", "127.0.0.1");
            sc.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.forEach((k, v) -> sc.set(String.valueOf(k), String.valueOf(v)));
        return new SparkEngine(new JavaSparkContext(sc), filesPerTask, err);
    }

    /** Spark logs at INFO through the application's SLF4J setup (into digits.log); these keep that log readable. */
    private static void quietSparkLogging() {
        Map<String, String> levels = Map.of("org.apache.spark", "warn", "org.sparkproject", "warn", "io.netty", "warn",
                "org.apache.hadoop", "error", // "Unable to load native-hadoop library": Spark needs none here
                "org.apache.spark.util.Utils", "error"); // "hostname resolves to a loopback address"
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) { // the digits program's logback
            levels.forEach((logger, level) -> context.getLogger(logger).setLevel(Level.toLevel(level, Level.INFO)));
        }
    }

    /** Attempts per task: {@code local[N,F]} gives F, plain local 1, a cluster spark.task.maxFailures (4). */
    static int maxAttempts(String master, SparkConf conf) {
        Matcher m = LOCAL_WITH_RETRIES.matcher(master.replace(" ", ""));
        if (m.matches()) {
            return Integer.parseInt(m.group(2));
        }
        if (master.startsWith("local")) {
            return 1;
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    @Override
    public String describe() {
        return "spark " + master + " (Spark " + spark.version() + ", " + spark.defaultParallelism() + " cores, "
                + maxAttempts + " attempt" + (maxAttempts == 1 ? "" : "s") + " per task)";
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "spark");
        m.put("master", master);
        m.put("sparkVersion", spark.version());
        m.put("applicationId", spark.sc().applicationId());
        m.put("cores", Integer.toString(spark.defaultParallelism()));
        m.put("attemptsPerTask", Integer.toString(maxAttempts));
        m.put("filesPerTask", filesPerTask > 0 ? Integer.toString(filesPerTask) : "auto");
        return m;
    }

    @Override
    public CorpusFeatures extract(ExtractorConfig config, FeatureExtractor extractor, Corpus corpus, FeatureCache cache,
                                  IntConsumer progress) throws Exception {
        List<ShippedClip> clips = corpus.entries().stream().map(ShippedClip::of).toList();
        if (clips.isEmpty()) {
            return CorpusExtraction.assemble(corpus, List.of());
        }
        int perTask = filesPerTask > 0 ? filesPerTask
                : (clips.size() + TASKS_PER_CORE * spark.defaultParallelism() - 1) / (TASKS_PER_CORE * spark.defaultParallelism());
        int tasks = Math.max(1, (clips.size() + perTask - 1) / perTask);
        spark.setJobGroup("digits-features-" + config.id(), "features " + config.id(), false);
        JavaFutureAction<List<ShippedOutcome>> job = spark.parallelize(clips, tasks)
                .mapPartitions(new ExtractPartition(config.type(), config.params().asMap(),
                        cache == null ? null : cache.root().toAbsolutePath().toString()))
                .collectAsync();
        List<ShippedOutcome> shipped = awaitWithProgress(job, tasks, clips.size(), progress);
        List<ClipOutcome> outcomes = new ArrayList<>(shipped.size());
        for (ShippedOutcome o : shipped) {
            outcomes.add(o.outcome());
        }
        return CorpusExtraction.assemble(corpus, outcomes);
    }

    /** Waits for the job, reporting clips done from the tasks Spark has completed. */
    private <T> T awaitWithProgress(JavaFutureAction<T> job, int tasks, int clips, IntConsumer progress)
            throws InterruptedException, ExecutionException {
        int reported = -1;
        while (true) {
            try {
                T result = job.get(200, TimeUnit.MILLISECONDS);
                progress.accept(clips);
                return result;
            } catch (TimeoutException notYet) {
                int completed = 0;
                for (int jobId : job.jobIds()) {
                    SparkJobInfo info = spark.statusTracker().getJobInfo(jobId);
                    if (info == null) {
                        continue;
                    }
                    for (int stageId : info.stageIds()) {
                        SparkStageInfo stage = spark.statusTracker().getStageInfo(stageId);
                        if (stage != null) {
                            completed += stage.numCompletedTasks();
                        }
                    }
                }
                int done = (int) Math.min(clips, (long) completed * clips / tasks);
                if (done != reported && done < clips) {
                    progress.accept(done);
                    reported = done;
                }
            }
        }
    }

    @Override
    public void runCells(CellWork work, List<Integer> cells, CellListener listener) throws Exception {
        int parallel = Math.max(1, Math.min(cells.size(), spark.defaultParallelism()));
        ExecutorService submitters = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "digits-spark-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<CellDone> done = new ExecutorCompletionService<>(submitters);
            CellTask task = new CellTask(work.shipped(), maxAttempts);
            for (int cell : cells) {
                done.submit(() -> {
                    err.println(work.describe(cell) + ": running on Spark");
                    spark.setJobGroup("digits-cell-" + cell, work.describe(cell), false);
                    try {
                        byte[] json = spark.parallelize(List.of(cell), 1).map(task).collect().get(0);
                        return new CellDone(cell, ResultsJson.read(json, CellResult.class, Path.of("spark-task-" + cell),
                                "cell record"));
                    } catch (Exception e) {
                        // the task failed on every attempt Spark allowed (executor lost, a crash, ...)
                        return new CellDone(cell, work.failed(cell, "Spark task failed " + maxAttempts + " time"
                                + (maxAttempts == 1 ? "" : "s") + ": " + firstLine(e)));
                    }
                });
            }
            for (int i = 0; i < cells.size(); i++) {
                Future<CellDone> next = done.take();
                CellDone r = next.get();
                listener.finished(r.cell(), r.result());
            }
        } finally {
            submitters.shutdownNow();
        }
    }

    private record CellDone(int cell, CellResult result) {
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
