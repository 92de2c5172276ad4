package dev.digits.experiment.engine;

import dev.digits.experiment.config.EngineSettings;

import dev.digits.api.plugin.Plugin;
import dev.digits.experiment.console.Console;

import java.util.List;

/**
 * Service-provider interface for where an experiment's work runs: {@code local} (this JVM, every core) is built
 * in; {@code spark} comes with the {@code engine-spark} jar. Found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.digits.experiment.engine.EngineProvider} and picked by {@code engine: {type: NAME}} in
 * the experiment file or {@code digits run --engine NAME}.
 */
public interface EngineProvider extends Plugin {

    /** The settings this engine reads besides {@code type} (for example {@code master}); others are rejected. */
    List<String> settingNames();

    /** Checks settings before anything runs; returns the problems found (empty when they are fine). */
    default List<String> check(EngineSettings settings) {
        return List.of();
    }

    /** Starts the engine (a Spark context, say); the caller closes it when the run ends. */
    ExecutionEngine open(EngineSettings settings, Console console) throws Exception;
}
