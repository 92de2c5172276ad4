package dev.digits.app.bench;

import dev.digits.app.cli.LauncherEngines;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.loading.ExperimentLoader;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The experiment a benchmark works on ({@code --config}) and the extractor, model and augmentation of it that it
 * times ({@code --extractor}, {@code --model}, {@code --augmentation}; each the experiment's first by default).
 */
record ExperimentChoice(ExperimentConfig config, ExtractorConfig extractor, ModelConfig model,
                        AugmentationConfig augmentation) {

    static ExperimentChoice of(CommandLine line, Plugins plugins) throws Exception {
        if (!line.hasOption("config")) {
            throw new UsageException("--config FILE.yaml is required");
        }
        ExperimentConfig config = new ExperimentLoader(plugins, LauncherEngines.addable())
                .load(Path.of(line.getOptionValue("config")));
        return new ExperimentChoice(config,
                pick(config.extractors(), ExtractorConfig::id, line.getOptionValue("extractor"), "extractor"),
                pick(config.models(), ModelConfig::id, line.getOptionValue("model"), "model"),
                pick(config.augmentations(), AugmentationConfig::id, line.getOptionValue("augmentation"), "augmentation"));
    }

    private static <T> T pick(List<T> items, Function<T, String> idOf, String id, String what) throws UsageException {
        if (id == null) {
            return items.get(0);
        }
        List<String> ids = items.stream().map(idOf).toList();
        int i = ids.indexOf(id);
        if (i < 0) {
            throw new UsageException("no " + what + " '" + id + "' in the experiment; it has: " + String.join(", ", ids));
        }
        return items.get(i);
    }
}
