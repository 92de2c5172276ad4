package dev.digits.app.cli;

import dev.digits.api.plugin.PluginRegistry;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engines the {@code digits} launcher can add to the class path when an experiment asks for one that is not
 * there ({@code -Ddigits.launcher.engines=spark}): the command then exits with {@link #EXIT_ADD_ENGINE} before
 * anything runs, and the launcher builds the engine and runs it again. The launcher reads no experiment file itself.
 */
public final class LauncherEngines {
    /** The exit code that asks the launcher to add the engine and run the command again. */
    public static final int EXIT_ADD_ENGINE = 3;

    private LauncherEngines() {
    }

    /** The engines the launcher that started this program can add; none outside the launcher. */
    public static Set<String> addable() {
        String names = System.getProperty("digits.launcher.engines", "");
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /** Whether an experiment's engine is missing here and the launcher can add it. */
    public static boolean mustAdd(String engine, PluginRegistry<?> engines) {
        return engines.entry(engine).isEmpty() && addable().contains(engine);
    }
}
