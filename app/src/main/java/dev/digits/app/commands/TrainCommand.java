package dev.digits.app.commands;

import dev.digits.app.cli.Command;
import dev.digits.app.cli.LauncherEngines;
import dev.digits.app.cli.UsageException;
import dev.digits.core.dataset.CorpusSummary;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.features.FeatureCache;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.console.ProgressLine;
import dev.digits.experiment.engine.LocalEngine;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.experiment.run.Cell;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.run.PreparedExperiment;
import dev.digits.experiment.training.TrainingEstimate;
import dev.digits.experiment.training.TrainingService;
import dev.digits.recognition.bundle.BundleManifest.TrainingData;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.recognition.provenance.RunProvenance;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.digits.core.labels.DigitLabels;
import dev.digits.core.labels.OpenSetRule;
import dev.digits.app.cli.NumberOption;

/** {@code digits train}: trains one model of an experiment and writes a model bundle. */
public final class TrainCommand implements Command {
    private final Plugins plugins;
    private final DatasetLocator locator;

    @Inject
    public TrainCommand(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train one model of an experiment and write a model bundle (one file) for predict and stream";
    }

    @Override
    public String usage() {
        return "--config FILE.yaml [--model ID] [--extractor ID] [--augmentation ID] [--split all|train] [--min-confidence P] [--out model.digits]";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder("c").longOpt("config").hasArg().argName("FILE").desc("experiment file").build())
                .addOption(Option.builder("m").longOpt("model").hasArg().argName("ID").desc("model id (optional if there is one)").build())
                .addOption(Option.builder("e").longOpt("extractor").hasArg().argName("ID").desc("extractor id (optional if there is one)").build())
                .addOption(Option.builder("a").longOpt("augmentation").hasArg().argName("ID")
                        .desc("augmentation id (optional if there is one)").build())
                .addOption(Option.builder().longOpt("split").hasArg().argName("WHICH")
                        .desc("all (default): every clip; train: the training part of the protocol's first fold").build())
                .addOption(Option.builder().longOpt("min-confidence").hasArg().argName("P")
                        .desc("record in the bundle the probability a digit needs to be the answer, else ? (default "
                                + OpenSetRule.DEFAULT_MIN_CONFIDENCE + " for a model trained with other words as ?; "
                                + "none for others, whose single recordings always get a digit)").build())
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE").desc("bundle to write (default model.digits)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        if (!line.hasOption("config")) {
            throw new UsageException("--config FILE.yaml is required");
        }
        String split = line.getOptionValue("split", "all");
        if (!split.equals("all") && !split.equals("train")) {
            throw new UsageException("--split must be all or train, got '" + split + "'");
        }
        ExperimentConfig config = new ExperimentLoader(plugins, LauncherEngines.addable()).load(Path.of(line.getOptionValue("config")));
        ModelConfig modelConfig = pick(config.models(), line.getOptionValue("model"), "model", ModelConfig::id);
        ExtractorConfig extractorConfig = pick(config.extractors(), line.getOptionValue("extractor"), "extractor",
                ExtractorConfig::id);
        AugmentationConfig augmentation = pick(config.augmentations(), line.getOptionValue("augmentation"), "augmentation",
                AugmentationConfig::id);
        Path out = Path.of(line.getOptionValue("out", "model.digits"));
        Double minConfidence = line.hasOption("min-confidence")
                ? NumberOption.number(line, "min-confidence", 0, 0, 1, false) : null;

        Path root = new ExperimentRunner(plugins, locator, console).resolveDataset(config);
        ExperimentPlan plan = ExperimentPlan.forTraining(config, plugins, root, extractorConfig, modelConfig, augmentation,
                split.equals("all"));
        FeatureCache cache = config.cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        PreparedExperiment prepared;
        try (LocalEngine engine = LocalEngine.allCores()) {
            prepared = PreparedExperiment.prepare(plan, plugins, cache, engine, null, console.err());
        }
        int trainClips = prepared.trainingClips(0);
        int copies = prepared.trainingSet(0).size() - trainClips;
        Cell cell = plan.cells().get(0);
        console.out().printf("training %s (%s %s) on %s: %d clips (%s)%s, seed %d%n", modelConfig.id(),
                modelConfig.backend(), modelConfig.type(), extractorConfig.id(), trainClips, split.equals("all")
                        ? "all data" : "first fold's training part", augmentation.isNone() ? "" : " + " + copies
                        + " augmented copies (" + augmentation.id() + ")", cell.seed());
        if (prepared.trainingSet(0).size() >= TrainingEstimate.WORTH_ESTIMATING) {
            TrainingEstimate estimate = TrainingEstimate.of(new TrainingService(plugins), modelConfig, cell.seed(),
                    prepared.trainingSet(0));
            console.out().printf(Locale.ROOT, "training will take %s on this machine (from trainings on %d, %d and %d "
                            + "examples: time grows as examples^%.1f)%n", estimate.said(), estimate.pilotExamples(),
                    2 * estimate.pilotExamples(), 4 * estimate.pilotExamples(), estimate.exponent());
            console.out().flush();
        }
        ProgressLine progress = new ProgressLine(console.err());
        progress.start("train " + modelConfig.id());
        PreparedExperiment.TrainedCell t = prepared.train(0, m -> progress.update(m.epoch(), m.epochs(),
                String.format(Locale.ROOT, "loss %.4f acc %.3f", m.trainLoss(), m.trainAccuracy())));

        CorpusSummary summary = CorpusSummary.of(plan.corpus());
        List<String> labels = DigitLabels.of(t.data().numClasses());
        if (minConfidence == null && DigitLabels.hasOther(labels)) {
            minConfidence = OpenSetRule.DEFAULT_MIN_CONFIDENCE;
        }
        RunProvenance provenance = t.provenance().finished(t.trained().model().provenance(), t.data().size(),
                t.trained().seconds());
        ModelBundle.write(out, extractorConfig.extractor(), t.trained().model(), labels, new TrainingData(
                new ArrayList<>(summary.bySampleRate().keySet()), summary.minDuration(), summary.maxDuration(), t.clips(),
                TrainingData.inputRateOf(summary.bySampleRate().keySet())), provenance, t.data(), null, minConfidence);
        console.out().printf(Locale.ROOT, "trained in %.1f s; wrote %s%s%n", t.trained().seconds(), out,
                DigitLabels.hasOther(labels) ? String.format(Locale.ROOT, " (it answers ? for speech that is not a "
                        + "digit, and for a digit below confidence %.2f)", minConfidence) : minConfidence == null ? ""
                        : String.format(Locale.ROOT, " (it answers ? below confidence %.2f)", minConfidence));
        return 0;
    }

    private static <T> T pick(List<T> items, String id, String what, java.util.function.Function<T, String> idOf)
            throws UsageException {
        if (id == null) {
            if (items.size() == 1) {
                return items.get(0);
            }
            throw new UsageException("the experiment has " + items.size() + " " + what + "s; choose one with --" + what
                    + " (" + String.join(", ", items.stream().map(idOf).toList()) + ")");
        }
        return items.stream().filter(i -> idOf.apply(i).equals(id)).findFirst().orElseThrow(() -> new UsageException(
                "no " + what + " '" + id + "' in the experiment; it has: " + String.join(", ", items.stream().map(idOf).toList())));
    }
}
