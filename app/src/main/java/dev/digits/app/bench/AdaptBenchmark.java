package dev.digits.app.bench;

import dev.digits.experiment.training.TrainingSets;
import dev.digits.api.features.Features;
import dev.digits.api.model.TrainedModel;
import dev.digits.api.model.TrainingSet;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.adapt.VoiceAdaptation;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.NumberOption;
import dev.digits.experiment.config.ExperimentConfig;
import dev.digits.experiment.config.ExperimentConfig.AugmentationConfig;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.config.ExperimentConfig.ModelConfig;
import dev.digits.experiment.engine.LocalEngine;
import dev.digits.experiment.run.ExperimentPlan;
import dev.digits.experiment.run.PreparedExperiment;
import dev.digits.experiment.run.ExperimentRunner;
import dev.digits.experiment.training.TrainingService;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.dataset.Fold;
import dev.digits.core.dataset.LeaveOneSpeakerOut;
import dev.digits.core.features.FeatureCache;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code digits bench adapt}: what {@code digits adapt} does for a new voice, measured leave-one-speaker-out. For
 * each speaker, a model of the experiment (its first extractor, model and augmentation unless named) is trained on
 * the other speakers as {@code digits train} trains it (with the augmentation's copies), then adapted with
 * {@code --clips-per-digit} of the speaker's clips per digit (chosen by seed); both are tested on the speaker's other
 * clips.
 */
final class AdaptBenchmark {
    private final Plugins plugins;
    private final DatasetLocator locator;

    AdaptBenchmark(Plugins plugins, DatasetLocator locator) {
        this.plugins = plugins;
        this.locator = locator;
    }

    int run(CommandLine line, Console console) throws Exception {
        ExperimentChoice choice = ExperimentChoice.of(line, plugins);
        ExperimentConfig config = choice.config();
        ExtractorConfig extractor = choice.extractor();
        ModelConfig model = choice.model();
        AugmentationConfig augmentation = choice.augmentation();
        int perDigit = NumberOption.wholeNumber(line, "clips-per-digit", 1, 1, 1000);
        long seed = NumberOption.wholeNumber(line, "seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        double share = NumberOption.number(line, "share", VoiceAdaptation.DEFAULT_SHARE, 0.001, 0.999, false);
        int baseExamples = NumberOption.wholeNumber(line, "base-examples", VoiceAdaptation.DEFAULT_BASE_EXAMPLES, 0,
                Integer.MAX_VALUE);
        Path root = new ExperimentRunner(plugins, locator, console).resolveDataset(config);
        // every clip's features and augmented copies, as digits train makes them (test speakers' copies go unused)
        ExperimentPlan plan = ExperimentPlan.forTraining(config, plugins, root, extractor, model, augmentation, true);
        FeatureCache cache = config.cache() ? new FeatureCache(FeatureCache.defaultRoot()) : null;
        PreparedExperiment.CellFeatures features;
        try (LocalEngine engine = LocalEngine.allCores()) {
            features = PreparedExperiment.prepare(plan, plugins, cache, engine, null, console.err()).features(0);
        }
        List<Map<Path, Features>> copies = features.copies();
        Map<Path, Features> byPath = features.clean();
        List<CorpusEntry> entries = features.entries();
        int classes = features.numClasses();
        TrainingService training = new TrainingService(plugins);
        VoiceAdaptation adaptation = new VoiceAdaptation(training);
        console.out().printf(Locale.ROOT, "adapting %s on %s%s with %d clip(s) per digit of each held-out speaker%s (share "
                + "%.2f, seed %d)%n", model.id(), extractor.id(), augmentation.isNone() ? ""
                : " + " + augmentation.id() + " (" + augmentation.copies() + " copies)", perDigit,
                augmentation.isNone() ? "" : line.hasOption("no-copies") ? ", without copies" : " and their copies", share,
                seed);
        double sumBefore = 0;
        double sumRetrained = 0;
        double sumAfter = 0;
        double worstAfter = 1;
        double worstChange = 0;
        List<Fold> folds = new LeaveOneSpeakerOut().folds(entries);
        for (Fold fold : folds) {
            FoldScores f = adaptOneSpeaker(fold, entries, byPath, copies, line.hasOption("no-copies") ? List.of() : copies,
                    classes, perDigit, seed, share, baseExamples, model, training, adaptation);
            double a = f.before();
            double b = f.retrained();
            double c = f.after();
            console.out().printf(Locale.ROOT, "%-20s before %6.2f%%  re-trained only %6.2f%%  after (shift + re-trained) "
                    + "%6.2f%%  (%d test clips)%n", fold.name(), a * 100, b * 100, c * 100, f.testClips());
            sumBefore += a;
            sumRetrained += b;
            sumAfter += c;
            worstAfter = Math.min(worstAfter, c);
            worstChange = Math.min(worstChange, c - a);
        }
        console.out().printf(Locale.ROOT, "mean over %d speakers: before %.2f%%, re-trained only %.2f%%, after %.2f%%; "
                + "worst speaker after %.2f%%; largest change for the worse %.2f points%n", folds.size(),
                100 * sumBefore / folds.size(), 100 * sumRetrained / folds.size(), 100 * sumAfter / folds.size(),
                100 * worstAfter, Math.max(0, -100 * worstChange));
        return 0;
    }

    /** One held-out speaker's accuracy before, re-trained only, and after (shift + re-trained), on its other clips. */
    private record FoldScores(double before, double retrained, double after, int testClips) {
    }

    /**
     * Adapts a model trained without one speaker to {@code perDigit} of his clips per digit (drawn by seed) and scores
     * it on the rest of his clips.
     */
    private static FoldScores adaptOneSpeaker(Fold fold, List<CorpusEntry> entries, Map<Path, Features> byPath,
                                              List<Map<Path, Features>> copies, List<Map<Path, Features>> clipCopies,
                                              int classes, int perDigit, long seed, double share, int baseExamples,
                                              ModelConfig model,
                                              TrainingService training, VoiceAdaptation adaptation) {
        // the clips given to adapt: perDigit per digit, drawn by seed; the rest is the test
        Map<Integer, List<Integer>> byDigit = new HashMap<>();
        for (int i : fold.test()) {
            byDigit.computeIfAbsent(entries.get(i).digit(), d -> new ArrayList<>()).add(i);
        }
        List<Integer> given = new ArrayList<>();
        Random random = new Random(seed);
        for (int d = 0; d < classes; d++) {
            List<Integer> candidates = new ArrayList<>(byDigit.getOrDefault(d, List.of()));
            Collections.shuffle(candidates, random);
            given.addAll(candidates.subList(0, Math.min(perDigit, candidates.size())));
        }
        int[] test = java.util.Arrays.stream(fold.test()).filter(i -> !given.contains(i)).toArray();
        TrainingSet full = TrainingSets.of(entries, fold.train(), byPath, copies, classes);
        TrainingSet testSet = TrainingSets.of(entries, test, byPath, List.of(), classes);
        TrainedModel before = training.train(model, seed, full, e -> { }).model();
        TrainingSet base = VoiceAdaptation.sample(full, baseExamples, 1); // as digits adapt samples the base's examples
        // the given clips with their copies, as digits adapt makes them with the base model's augmentation
        List<VoiceAdaptation.Clip> clips = given.stream().map(i -> {
            Path path = entries.get(i).path();
            List<float[]> made = clipCopies.stream().map(m -> m.get(path)).filter(java.util.Objects::nonNull)
                    .map(Features::values).toList();
            return new VoiceAdaptation.Clip(path.getFileName().toString(), entries.get(i).digit(),
                    byPath.get(path).values(), made);
        }).toList();
        VoiceAdaptation.Adapted retrained = adaptation.train(model, seed, base, clips, share, false);
        VoiceAdaptation.Adapted after = adaptation.train(model, seed, base, clips, share, true);
        return new FoldScores(TrainingService.evaluate(before, testSet).metrics().accuracy(), accuracy(retrained, testSet),
                accuracy(after, testSet), test.length);
    }

    /** Accuracy of an adapted model on a set of the extractor's features (shifted as the model's inputs are). */
    private static double accuracy(VoiceAdaptation.Adapted model, TrainingSet test) {
        TrainingSet inputs = model.shift() == null ? test : model.shift().apply(test);
        return TrainingService.evaluate(model.model(), inputs).metrics().accuracy();
    }
}
