package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.loading.ExperimentLoader;

import dev.digits.experiment.Plugins;
import dev.digits.experiment.engine.LocalEngine;
import dev.digits.core.features.FeatureCache;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.digits.experiment.engine.CellWork;
import dev.digits.experiment.engine.ShippedCells;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is sent to a remote worker (a Spark executor) so that it can run any cell of an experiment: the
 * experiment file's text, the dataset folder and the feature cache folder (both on storage the workers share).
 * A worker prepares the experiment once, reading the features the driver already put in the cache, and keeps it
 * for the other cells of the same run; in the driver's own JVM the driver's prepared experiment is used.
 *
 * @param runId       unique per run, so two runs never share a prepared experiment
 * @param file        the experiment file's path (for messages and provenance)
 * @param yaml        the experiment file's text
 * @param datasetRoot the dataset folder the driver resolved
 * @param cacheRoot   the feature cache folder, or {@code null} when the experiment turns the cache off
 */
public record ShippedExperiment(String runId, String file, String yaml, String datasetRoot, String cacheRoot)
        implements ShippedCells {
    private static final long serialVersionUID = 1L;
    private static final Map<String, PreparedExperiment> PREPARED = new ConcurrentHashMap<>();

    /** Makes {@code prepared} the experiment this JVM uses for this run (the driver's, in local mode). */
    void register(PreparedExperiment prepared) {
        PREPARED.put(runId, prepared);
    }

    /** Forgets this run's prepared experiment (when the run ends). */
    void release() {
        PREPARED.remove(runId);
    }

    @Override
    public CellWork cells() {
        return prepared();
    }

    /** The prepared experiment in this JVM: the registered one, or one built now from this description. */
    public PreparedExperiment prepared() {
        return PREPARED.computeIfAbsent(runId, id -> {
            try {
                Plugins plugins = Plugins.discover(Thread.currentThread().getContextClassLoader());
                ExperimentConfig config = new ExperimentLoader(plugins).parse(yaml, Path.of(file));
                ExperimentPlan plan = ExperimentPlan.of(config, plugins, Path.of(datasetRoot));
                FeatureCache cache = cacheRoot == null ? null : new FeatureCache(Path.of(cacheRoot));
                PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
                try (LocalEngine engine = LocalEngine.allCores()) {
                    return PreparedExperiment.prepare(plan, plugins, cache, engine, this, quiet);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot prepare experiment " + file + " on this worker: " + e.getMessage(), e);
            }
        });
    }
}
