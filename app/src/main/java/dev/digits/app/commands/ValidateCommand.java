package dev.digits.app.commands;

import dev.digits.app.Plugins;
import dev.digits.app.cli.Command;
import dev.digits.app.cli.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.app.experiment.ExperimentConfig;
import dev.digits.app.experiment.ExperimentLoader;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.nio.file.Path;

/** {@code digits validate FILE.yaml}: checks an experiment file without running it. */
public final class ValidateCommand implements Command {
    private final Plugins plugins;

    @Inject
    public ValidateCommand(Plugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check an experiment file (keys, types, plugins, parameters) without running it";
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
        ExperimentLoader loader = new ExperimentLoader(plugins);
        for (String file : line.getArgList()) {
            ExperimentConfig c = loader.load(Path.of(file));
            long augmentations = c.augmentations().stream().filter(a -> !a.isNone()).count();
            console.out().printf("%s: valid (%s: %d extractor%s, %d model%s, %s, protocol %s, seeds %s%s, engine %s)%n", file,
                    c.name(), c.extractors().size(), c.extractors().size() == 1 ? "" : "s", c.models().size(),
                    c.models().size() == 1 ? "" : "s", augmentations == 0 ? "no augmentation" : augmentations
                            + " augmentation" + (augmentations == 1 ? "" : "s"), c.protocol().type(), c.seeds(),
                    c.testConditions().isEmpty() ? "" : ", " + c.testConditions().size() + " test condition"
                            + (c.testConditions().size() == 1 ? "" : "s"), c.engine().type());
        }
        return 0;
    }
}
