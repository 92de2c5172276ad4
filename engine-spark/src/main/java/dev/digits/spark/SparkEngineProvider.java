package dev.digits.spark;

import dev.digits.experiment.console.Console;
import dev.digits.experiment.engine.EngineProvider;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.engine.ExecutionEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code engine: {type: spark, master: URL, filesPerTask: N, conf: {spark.key: value}}}: runs extraction and
 * cells on Apache Spark. {@code master} defaults to what {@code spark-submit} set, else {@code local[*]};
 * {@code filesPerTask} to four extraction tasks per core.
 */
public final class SparkEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String description() {
        return "Apache Spark: extraction as a Spark job, each cell a Spark task (master local[N], spark://, yarn, k8s://)";
    }

    @Override
    public List<String> settingNames() {
        return List.of("master", "filesPerTask", "conf");
    }

    @Override
    public List<String> check(EngineSettings settings) {
        List<String> problems = new ArrayList<>();
        Object master = settings.settings().get("master");
        if (master != null && master.toString().isBlank()) {
            problems.add("engine.master must not be empty (for example local[2] or spark://host:7077)");
        }
        Object files = settings.settings().get("filesPerTask");
        if (files != null && !(files instanceof Number n ? n.intValue() > 0 && n.doubleValue() == n.intValue()
                : files.toString().matches("[1-9][0-9]*"))) {
            problems.add("engine.filesPerTask must be a positive whole number, got " + files);
        }
        Object conf = settings.settings().get("conf");
        if (conf != null && !(conf instanceof Map<?, ?>)) {
            problems.add("engine.conf must be a mapping of Spark settings, such as {spark.executor.memory: 4g}");
        }
        return problems;
    }

    @Override
    public ExecutionEngine open(EngineSettings settings, Console console) {
        int filesPerTask = Integer.parseInt(settings.get("filesPerTask", "0")); // 0: four tasks per core
        Map<?, ?> conf = settings.settings().get("conf") instanceof Map<?, ?> m ? m : Map.of();
        return SparkEngine.start(settings.get("master", null), filesPerTask, conf, console.err());
    }
}
