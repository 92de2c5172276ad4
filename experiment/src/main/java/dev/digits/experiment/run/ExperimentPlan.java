package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.model.InputShape;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ConditionConfig;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.core.dataset.BadFile;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.SpeechCommandsFolder;
import dev.digits.core.dataset.SplitProtocol;
import dev.digits.core.dataset.WithExtraTraining;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What an experiment will do, before any feature is computed: the scanned corpus, the split, the plugins built
 * from the config, and the grid of cells in a fixed order (the same on every machine that builds it).
 *
 * @param skipped pairings left out of the grid, with the reason
 */
public record ExperimentPlan(ExperimentConfig config, Path root, CorpusLayout layout, Corpus corpus,
                             SplitProtocol protocol, List<Fold> folds, Map<String, FeatureExtractor> extractors,
                             Map<String, AugmentationPipelines.Built> pipelines,
                             Map<String, AugmentationPipelines.Built> conditions, List<Cell> cells,
                             List<String> skipped) {

    /** Scans the dataset at {@code root} and lays out the grid. */
    public static ExperimentPlan of(ExperimentConfig config, Plugins plugins, Path root) throws IOException {
        return of(config, plugins, root, UnaryOperator.identity());
    }

    /**
     * The plan of {@code digits train}: one cell, the given extractor, model and augmentation with the experiment's
     * first seed, trained on every clip ({@code allData}) or on the training part of the protocol's first fold, and
     * tested on nothing.
     *
     * @throws IOException when that pairing cannot be trained (a matrix model on vector features, say)
     */
    public static ExperimentPlan forTraining(ExperimentConfig config, Plugins plugins, Path root, ExtractorConfig extractor,
                                             ModelConfig model, AugmentationConfig augmentation, boolean allData)
            throws IOException {
        ExperimentConfig one = new ExperimentConfig(config.name(), config.description(), config.dataset(),
                config.protocol(), List.of(config.seeds().get(0)), List.of(extractor), List.of(model),
                List.of(augmentation), List.of(), config.cache(), config.engine(), config.source());
        ExperimentPlan plan = of(one, plugins, root,
                p -> allData ? TrainingSplit.allData(p) : TrainingSplit.firstFoldsTraining(p));
        if (plan.cells().isEmpty()) {
            throw new IOException("cannot train " + model.id() + " on " + extractor.id() + ": " + String.join("; ", plan.skipped()));
        }
        return plan;
    }

    private static ExperimentPlan of(ExperimentConfig config, Plugins plugins, Path root,
                                     UnaryOperator<SplitProtocol> split) throws IOException {
        Data data = data(config, root);
        Corpus corpus = data.corpus();
        SplitProtocol protocol = split.apply(data.protocol());

        Map<String, FeatureExtractor> extractors = new LinkedHashMap<>();
        for (ExtractorConfig e : config.extractors()) {
            plugins.extractors().get(e.type()); // available here (the loader did not load native libraries)
            extractors.put(e.id(), e.extractor());
        }
        AugmentationPipelines builder = new AugmentationPipelines(plugins.augmentations());
        Map<String, AugmentationPipelines.Built> pipelines = new LinkedHashMap<>();
        for (AugmentationConfig a : config.augmentations()) {
            if (!a.isNone()) {
                pipelines.put(a.id(), builder.build(a.steps(), a.seed()));
            }
        }
        Map<String, AugmentationPipelines.Built> conditions = new LinkedHashMap<>();
        for (ConditionConfig c : config.testConditions()) {
            conditions.put(c.id(), builder.build(c.steps(), c.seed()));
        }
        List<String> skipped = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<Fold> folds = protocol.folds(corpus.entries());
        for (ExtractorConfig e : config.extractors()) {
            boolean matrix = extractors.get(e.id()).producesMatrix();
            for (AugmentationConfig a : config.augmentations()) {
                if (!matrix && !a.isNone() && pipelines.get(a.id()).pipeline().hasFeatureSteps()) {
                    skipped.add(a.id() + " x " + e.id() + " (feature augmentations such as spec-augment need a matrix "
                            + "extractor, pooling: none)");
                    continue;
                }
                for (ModelConfig m : config.models()) {
                    InputShape needs = plugins.backends().get(m.backend()).inputShape(m.type());
                    if (needs != InputShape.of(matrix)) {
                        if (a == config.augmentations().get(0)) {
                            skipped.add(m.id() + " x " + e.id() + " (" + m.type() + " needs " + needs.extractorHint() + ")");
                        }
                        continue;
                    }
                    for (int f = 0; f < folds.size(); f++) {
                        for (long seed : config.seeds()) {
                            cells.add(new Cell(e, a, m, f, folds.get(f).name(), seed));
                        }
                    }
                }
            }
        }
        return new ExperimentPlan(config, root, corpus.layout(), corpus, protocol, folds, extractors, pipelines, conditions,
                List.copyOf(cells), List.copyOf(skipped));
    }

    /**
     * The experiment's recordings and how they are split.
     *
     * @param corpus   the dataset's recordings, then those of each {@code dataset.extraTraining} folder
     * @param protocol the configured protocol; with extra folders, it splits only the dataset's own recordings
     *                 and the extra ones join every fold's training part
     */
    public record Data(Corpus corpus, SplitProtocol protocol) {
    }

    /**
     * Scans the dataset at {@code root} and each {@code dataset.extraTraining} folder (its layout detected)
     * once, and builds the split protocol.
     *
     * @throws IOException if a folder cannot be read or an extra folder repeats a file of the dataset
     */
    public static Data data(ExperimentConfig config, Path root) throws IOException {
        CorpusLayout layout = config.dataset().layout() != null ? CorpusLayout.byId(config.dataset().layout())
                : CorpusLayout.detect(root);
        boolean otherWords = config.dataset().otherWords();
        Corpus corpus = layout.scan(root);
        SplitProtocol protocol = config.protocol().protocol();
        if (config.dataset().extraTraining().isEmpty() && config.dataset().include().isEmpty() && !otherWords) {
            return new Data(corpus, protocol);
        }
        List<CorpusEntry> entries = new ArrayList<>();
        List<BadFile> bad = new ArrayList<>();
        Set<Path> trainingOnly = new HashSet<>();
        Set<Path> seen = new HashSet<>();
        int speechCommands = add(corpus, "name", String.valueOf(config.dataset().name()), otherWords, entries, bad, seen,
                null);
        for (String source : config.dataset().include()) {
            speechCommands += add(Corpus.open(ExperimentConfig.DatasetRef.source(source, config.source())), "include",
                    source, otherWords, entries, bad, seen, null);
        }
        for (String source : config.dataset().extraTraining()) {
            speechCommands += add(Corpus.open(ExperimentConfig.DatasetRef.source(source, config.source())),
                    "extraTraining", source, otherWords, entries, bad, seen, trainingOnly);
        }
        if (otherWords && speechCommands == 0) {
            throw new IOException("dataset.otherWords: true takes the other words of Speech Commands, but no dataset "
                    + "here is in its layout: add speech-commands to dataset.include (split with the digits, "
                    + "so that other words are tested on too) or to dataset.extraTraining");
        }
        Corpus all = new Corpus(corpus.root(), corpus.layout(), entries, bad);
        return new Data(all, trainingOnly.isEmpty() ? protocol : new WithExtraTraining(protocol, trainingOnly));
    }

    /**
     * Adds a corpus's entries (to {@code trainingOnly} too, unless null), with its other words when asked and it is
     * a Speech Commands copy, and its bad files; returns 1 for a Speech Commands copy, else 0.
     */
    private static int add(Corpus more, String key, String source, boolean otherWords, List<CorpusEntry> entries,
                           List<BadFile> bad, Set<Path> seen, Set<Path> trainingOnly) throws IOException {
        bad.addAll(more.badFiles());
        boolean speechCommands = more.layout() == CorpusLayout.SPEECH_COMMANDS;
        List<CorpusEntry> all = new ArrayList<>(more.entries());
        if (otherWords && speechCommands) {
            all.addAll(SpeechCommandsFolder.otherWordEntries(more.root(), bad));
        }
        for (CorpusEntry e : all) {
            if (!seen.add(e.path().toAbsolutePath().normalize())) {
                throw new IOException("dataset." + key + " " + source + " repeats " + e.path()
                        + ", which is already in the dataset, an include or an extraTraining folder");
            }
            entries.add(e);
            if (trainingOnly != null) {
                trainingOnly.add(e.path());
            }
        }
        return speechCommands ? 1 : 0;
    }
}
