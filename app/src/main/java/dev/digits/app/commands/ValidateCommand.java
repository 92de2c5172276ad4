package dev.digits.app.commands;

import dev.digits.experiment.Plugins;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.LauncherEngines;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.KnownDataset;
import dev.digits.core.dataset.Fold;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code digits validate FILE.yaml}: checks an experiment file without running it: its keys, types, plugins and
 * parameters, and that its dataset is there, has recordings in a known layout and splits as the protocol asks.
 */
public final class ValidateCommand implements Command {
    private final Plugins plugins;
    private final DatasetLocator locator;

    @Inject
    public ValidateCommand(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check an experiment file (keys, types, plugins, parameters, the dataset) without running it";
    }

    @Override
    public String usage() {
        return "FILE.yaml ...";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (line.getArgList().isEmpty()) {
            throw new UsageException("give one or more experiment files");
        }
        ExperimentLoader loader = new ExperimentLoader(plugins, LauncherEngines.addable());
        ExperimentRunner runner = new ExperimentRunner(plugins, locator, console);
        int exit = 0;
        for (String file : line.getArgList()) {
            ExperimentConfig c = loader.load(Path.of(file));
            if (LauncherEngines.mustAdd(c.engine().type(), plugins.engines())) {
                return LauncherEngines.EXIT_ADD_ENGINE;
            }
            String data;
            try {
                data = dataset(c, runner);
            } catch (IOException | IllegalArgumentException e) {
                console.err().println(file + ": dataset: " + e.getMessage());
                exit = 1;
                continue;
            }
            long augmentations = c.augmentations().stream().filter(a -> !a.isNone()).count();
            console.out().printf("%s: valid (%s: %s, %d extractor%s, %d model%s, %s, seeds %s%s, engine %s)%n", file,
                    c.name(), data, c.extractors().size(), c.extractors().size() == 1 ? "" : "s", c.models().size(),
                    c.models().size() == 1 ? "" : "s", augmentations == 0 ? "no augmentation" : augmentations
                            + " augmentation" + (augmentations == 1 ? "" : "s"), c.seeds(),
                    c.testConditions().isEmpty() ? "" : ", " + c.testConditions().size() + " test condition"
                            + (c.testConditions().size() == 1 ? "" : "s"), c.engine().type());
        }
        return exit;
    }

    /**
     * Finds and scans the dataset and splits it as {@code run} would (no audio is read), or throws with what is
     * wrong; returns a summary such as "3000 files (fsdd layout), protocol official: 1 fold".
     */
    private String dataset(ExperimentConfig c, ExperimentRunner runner) throws IOException {
        String name = c.dataset().name();
        if (name != null && locator.find(name).isEmpty() && KnownDataset.find(name).isPresent()) {
            return "dataset " + name + " not on this machine yet, fetched on first use into "
                    + DatasetLocator.userDataDir().resolve(name);
        }
        ExperimentPlan.Data data = ExperimentPlan.data(c, runner.resolveDataset(c));
        List<Fold> folds = data.protocol().folds(data.corpus().entries());
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("protocol " + c.protocol().type() + " makes no folds of its "
                    + data.corpus().size() + " files");
        }
        for (Fold f : folds) {
            if (f.train().length == 0 || f.test().length == 0) {
                throw new IllegalArgumentException("protocol " + c.protocol().type() + ": fold " + f.name() + " has "
                        + f.train().length + " training and " + f.test().length + " test files");
            }
        }
        return data.corpus().size() + " files (" + data.corpus().layout().id() + " layout), protocol "
                + c.protocol().type() + ": " + folds.size() + " fold" + (folds.size() == 1 ? "" : "s");
    }
}
