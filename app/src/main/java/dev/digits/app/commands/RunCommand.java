package dev.digits.app.commands;

import dev.digits.app.cli.LibraryLogging;
import dev.digits.experiment.config.ConfigValues;

import dev.digits.experiment.Plugins;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.LauncherEngines;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.config.ConfigException;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.report.ReportWriter;
import dev.digits.experiment.report.ResultsTable;
import dev.digits.experiment.run.RunFolder;
import dev.digits.core.dataset.DatasetLocator;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code digits run FILE.yaml}: runs an experiment and writes results and a report. */
public final class RunCommand implements Command {
    private final Plugins plugins;
    private final DatasetLocator locator;

    @Inject
    public RunCommand(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run an experiment (YAML) and write results.json, results.csv and report.html";
    }

    @Override
    public String usage() {
        return "FILE.yaml [--out DIR] [--resume] [--engine local|spark] [--master URL]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                        .desc("output folder (default results/NAME-TIMESTAMP)").build())
                .addOption(Option.builder().longOpt("resume")
                        .desc("skip cells already finished in DIR (default: the newest results/NAME-*)").build())
                .addOption(Option.builder().longOpt("engine").hasArg().argName("NAME")
                        .desc("where extraction and cells run: local (default) or spark; overrides engine: in the file").build())
                .addOption(Option.builder().longOpt("master").hasArg().argName("URL")
                        .desc("Spark master, such as local[2], local[2,3] (3 attempts per task) or spark://host:7077").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.getArgList().size() != 1) {
            throw new UsageException("give exactly one experiment file");
        }
        ExperimentConfig config = new ExperimentLoader(plugins, LauncherEngines.addable())
                .load(Path.of(line.getArgList().get(0)));
        if (LauncherEngines.mustAdd(config.engine().override(line.getOptionValue("engine"), ConfigValues.NONE).type(),
                plugins.engines())) {
            return LauncherEngines.EXIT_ADD_ENGINE;
        }
        EngineSettings engine = engineSettings(config, line);
        try (RunFolder folder = outputFolder(config, line.getOptionValue("out"), line.hasOption("resume"), console.err())) {
            Path out = folder.dir();
            LibraryLogging.keepIn(out.resolve(RunFolder.LOG_FILE));
            long t0 = System.nanoTime();
            ExperimentRunner.Outcome outcome = new ExperimentRunner(plugins, locator, console).run(config, engine, out,
                    line.hasOption("resume"));
            Path report = new ReportWriter().write(config, outcome.runs(), outcome.engine(), out);
            console.out().println();
            console.out().println(ResultsTable.text(outcome.runs(),
                    config.testConditions().stream().map(ExperimentConfig.ConditionConfig::id).toList()));
            console.out().printf(Locale.ROOT, "%d cells: %d run, %d resumed, %d failed, in %.1f s%n", outcome.runs().size(),
                    outcome.ran(), outcome.resumed(), outcome.failed(), (System.nanoTime() - t0) / 1e9);
            console.out().println("results: " + out.resolve("results.json"));
            console.out().println("report:  " + report);
            console.out().println("log:     " + out.resolve(RunFolder.LOG_FILE));
            return outcome.failed() == outcome.runs().size() ? 1 : 0;
        } finally {
            String nativeLog = System.getProperty("digits.nativeLog");
            LibraryLogging.appendToLog("native libraries (standard error)", nativeLog == null ? null : Path.of(nativeLog));
        }
    }

    /** The file's engine with the command line's {@code --engine} and {@code --master} applied, checked. */
    private EngineSettings engineSettings(ExperimentConfig config, CommandLine line) throws ConfigException {
        EngineSettings engine = config.engine().override(line.getOptionValue("engine"),
                ConfigValues.NONE.with("master", line.getOptionValue("master")));
        List<String> problems = ExperimentLoader.checkEngine(plugins, engine);
        if (!problems.isEmpty()) {
            throw new ConfigException("command line", problems);
        }
        return engine;
    }

    /**
     * The run's folder, locked: {@code --out} as given; with {@code --resume} and no {@code --out}, the newest
     * {@code results/NAME-*}; otherwise a new, unique {@code results/NAME-TIMESTAMP}.
     */
    private static RunFolder outputFolder(ExperimentConfig config, String given, boolean resume, PrintStream err)
            throws IOException {
        if (given != null) {
            return RunFolder.open(Path.of(given));
        }
        Path results = Path.of("results");
        if (resume && Files.isDirectory(results)) {
            try (Stream<Path> s = Files.list(results)) {
                Path newest = s.filter(p -> p.getFileName().toString().startsWith(config.name() + "-"))
                        .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
                if (newest != null) {
                    err.println("resuming " + newest);
                    return RunFolder.open(newest);
                }
            }
        }
        return RunFolder.createUnique(results, config.name(), LocalDateTime.now());
    }
}
