package dev.digits.app.commands;

import dev.digits.core.dataset.SplitProtocolProvider;

import dev.digits.experiment.Plugins;
import dev.digits.experiment.engine.EngineProvider;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.api.augment.AugmentationProvider;
import dev.digits.api.features.FeatureExtractorProvider;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.params.ParameterSpec;
import dev.digits.api.plugin.PluginRegistry;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.util.List;

/** {@code digits list}: every extractor and backend, its parameters and defaults, available or not and why. */
public final class ListCommand implements Command {
    private final Plugins plugins;

    @Inject
    public ListCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list the feature extractors, backends, augmentations, split protocols, engines and speech detectors, their parameters, and whether they can run here";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Console console) {
        PrintStream out = console.out();
        printPlugins(out, "Feature extractors:", plugins.extractors(), FeatureExtractorProvider::parameters);
        out.println();
        out.println("Backends:");
        if (plugins.backends().entries().isEmpty()) {
            out.println("  (none installed)");
        }
        for (PluginRegistry.Entry<ClassifierProvider> e : plugins.backends().entries()) {
            out.printf("  %-14s %s%n", e.name(), e.status());
            out.printf("  %-14s %s%n", "", e.description());
            e.plugin().ifPresent(p -> {
                for (String type : p.modelTypes().stream().sorted().toList()) {
                    out.println("    type: " + type);
                    printParameters(out, p.parameters(type), "      ");
                }
            });
        }
        out.println();
        printPlugins(out, "Augmentations (experiment files: augmentations[].steps, testConditions[].steps):",
                plugins.augmentations(), AugmentationProvider::parameters);
        out.println();
        printPlugins(out, "Split protocols (experiment files: protocol: {type: NAME, ...}):", plugins.protocols(),
                SplitProtocolProvider::parameters);
        out.println();
        out.println("Engines (experiment files: engine: {type: NAME, ...}; digits run --engine NAME):");
        for (PluginRegistry.Entry<EngineProvider> e : plugins.engines().entries()) {
            out.printf("  %-14s %s%n", e.name(), e.status());
            out.printf("  %-14s %s%n", "", e.description());
            e.plugin().ifPresent(p -> out.println("    settings: " + String.join(", ", p.settingNames())));
        }
        out.println();
        out.println("Speech detectors (stream --vad NAME, bench stream --vad NAME):");
        if (plugins.speechDetectors().entries().isEmpty()) {
            out.println("  (none installed)");
        }
        for (PluginRegistry.Entry<dev.digits.api.vad.SpeechDetectorProvider> e : plugins.speechDetectors().entries()) {
            out.printf("  %-14s %s%n", e.name(), e.status());
            out.printf("  %-14s %s%n", "", e.description());
        }
        return 0;
    }

    private static <P extends dev.digits.api.plugin.Plugin> void printPlugins(
            PrintStream out, String title, PluginRegistry<P> registry, java.util.function.Function<P, List<ParameterSpec>> specs) {
        out.println(title);
        if (registry.entries().isEmpty()) {
            out.println("  (none installed)");
        }
        for (PluginRegistry.Entry<P> e : registry.entries()) {
            out.printf("  %-14s %s%n", e.name(), e.status());
            out.printf("  %-14s %s%n", "", e.description());
            e.plugin().ifPresent(p -> printParameters(out, specs.apply(p), "    "));
        }
    }

    private static void printParameters(PrintStream out, List<ParameterSpec> specs, String indent) {
        for (ParameterSpec s : specs) {
            String allowed = !s.choices().isEmpty() ? " " + s.choices() : "";
            String words = s.words().isEmpty() ? "" : " or " + String.join("|", s.words());
            out.printf("%s%-18s %-8s default %-10s %s%s%s%n", indent, s.name(), s.type().description(), s.defaultText(),
                    s.description(), allowed, words);
        }
    }
}
