package dev.digits.app.commands;

import dev.digits.core.audio.SpeechPresence;
import dev.digits.api.params.Parameters;

import dev.digits.recognition.bundle.BundleManifest.TrainingData;
import dev.digits.recognition.provenance.RunProvenance;
import dev.digits.recognition.provenance.RunProvenance.AugmentationProvenance;
import dev.digits.recognition.provenance.RunProvenance.ExtractorProvenance;
import dev.digits.recognition.provenance.RunProvenance.SplitProvenance;
import dev.digits.recognition.provenance.Provenance;
import dev.digits.experiment.training.TrainingService;
import dev.digits.core.dataset.CorpusEntry;
import java.util.Arrays;
import java.util.HashMap;

import dev.digits.experiment.Plugins;
import dev.digits.recognition.bundle.ModelBundle;
import dev.digits.app.cli.Command;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.LauncherEngines;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.run.AugmentationPipelines;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.console.ProgressLine;
import dev.digits.experiment.run.TransformedFeatures;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.api.model.ClassifierProvider;
import dev.digits.api.model.ModelSpec;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusSummary;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.Fold;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;
import jakarta.inject.Inject;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

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
        return "--config FILE.yaml [--model ID] [--extractor ID] [--augmentation ID] [--split all|train] [--out model.digits]";
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
        long seed = config.seeds().get(0);

        ExperimentRunner runner = new ExperimentRunner(plugins, locator, console);
        Path root = runner.resolveDataset(config);
        ExperimentPlan.Data scanned = ExperimentPlan.data(config, root);
        Corpus corpus = scanned.corpus();
        plugins.extractors().get(extractorConfig.type()); // available here (the loader did not load native libraries)
        FeatureExtractor extractor = extractorConfig.extractor();
        Instant start = Instant.now();

        ProgressLine progress = new ProgressLine(console.err());
        progress.start("features " + extractorConfig.id());
        FeatureCache cache = config.cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        int threads = Runtime.getRuntime().availableProcessors();
        CorpusFeatures features = new CorpusExtraction(extractor, cache, threads, SpeechPresence.DEFAULT)
                .run(corpus, n -> progress.update(n, corpus.size(), null));
        features.badFiles().forEach(b -> console.err().println("  skipped " + b));
        features.cacheWarning().ifPresent(console.err()::println);
        Fold fold = split.equals("all") ? new Fold("all", IntStream.range(0, features.size()).toArray(), new int[0])
                : scanned.protocol().folds(features.entries()).get(0);
        int[] rows = fold.train();
        // augmented copies of the training clips, as the experiment runner makes them
        List<Map<Path, Features>> copies = List.of();
        AugmentationPipelines.Built pipeline = null;
        if (!augmentation.isNone()) {
            pipeline = new AugmentationPipelines(plugins.augmentations()).build(augmentation.steps(), augmentation.seed());
            copies = TransformedFeatures.augmentedCopies(extractor, extractorConfig.id(), augmentation.id(), pipeline,
                    augmentation.copies(), corpus, cache, threads, progress, console.err());
        }
        Map<Path, Features> clean = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            clean.put(features.entries().get(i).path(), features.features().get(i));
        }
        int numClasses = TrainingService.numClasses(features.entries());
        TrainingSet data = TrainingService.examples(features.entries(), rows, clean, copies, numClasses);
        TrainingService service = new TrainingService(plugins);
        ClassifierProvider provider = service.provider(modelConfig);
        console.out().printf("training %s (%s %s) on %s: %d clips (%s)%s, seed %d%n", modelConfig.id(), provider.name(),
                modelConfig.type(), extractorConfig.id(), rows.length, split.equals("all") ? "all data"
                        : "first fold's training part", augmentation.isNone() ? "" : " + " + (data.size() - rows.length)
                        + " augmented copies (" + augmentation.id() + ")", seed);
        progress.start("train " + modelConfig.id());
        TrainingService.Trained trained = service.train(modelConfig, seed, data, m -> progress.update(m.epoch(), m.epochs(),
                String.format(Locale.ROOT, "loss %.4f acc %.3f", m.trainLoss(), m.trainAccuracy())));

        List<CorpusEntry> used = Arrays.stream(rows).mapToObj(i -> features.entries().get(i)).toList();
        CorpusSummary summary = CorpusSummary.of(corpus);
        List<String> labels = IntStream.range(0, numClasses).mapToObj(Integer::toString).toList();
        RunProvenance provenance = new RunProvenance(config.name(), config.source().toString(),
                Provenance.extractor(extractorConfig.id(), extractor),
                Provenance.dataset(root, corpus.layout(), used, corpus.size() - features.size() + corpus.badFiles().size(),
                        config.dataset().extraTraining()),
                new SplitProvenance(scanned.protocol().type(), Parameters.of(scanned.protocol().settings()), fold.name(), rows.length, 0),
                pipeline == null ? AugmentationProvenance.none() : new AugmentationProvenance(augmentation.id(),
                        augmentation.copies(), augmentation.seed(), pipeline.steps()),
                null, seed, start.toString(), TrainingService.modelProvenance(modelConfig, trained),
                Provenance.software(provider, plugins.extractors().get(extractorConfig.type())),
                trained.model().provenance(), data.size(), trained.seconds());
        ModelBundle.write(out, extractor, trained.model(), labels, new TrainingData(
                new ArrayList<>(summary.bySampleRate().keySet()), summary.minDuration(), summary.maxDuration(), rows.length,
                TrainingData.inputRateOf(summary.bySampleRate().keySet())),
                provenance, data);
        console.out().printf(Locale.ROOT, "trained in %.1f s; wrote %s%n", trained.seconds(), out);
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
