package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;

import dev.digits.experiment.console.ProgressLine;
import dev.digits.core.audio.SpeechPresence;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.api.features.Features;
import dev.digits.core.augment.AugmentedExtractor;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.Fold;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of transformed clips an experiment needs besides the clean ones: the augmented copies of the
 * training clips, per extractor x augmentation, and the test clips under each test condition, per extractor.
 * Extracted on every core through the feature cache, with progress, like the clean features.
 */
public final class TransformedFeatures {
    private final Map<String, List<Map<Path, Features>>> copies = new HashMap<>();
    private final Map<String, Map<String, Map<Path, Features>>> conditions = new HashMap<>();

    private TransformedFeatures() {
    }

    /** Augmented copies (index = copy number) for the cells of this extractor and augmentation; empty for none. */
    List<Map<Path, Features>> copies(String extractorId, String augmentationId) {
        return copies.getOrDefault(extractorId + "|" + augmentationId, List.of());
    }

    /** Test-clip features per test condition id, for this extractor. */
    Map<String, Map<Path, Features>> conditions(String extractorId) {
        return conditions.getOrDefault(extractorId, Map.of());
    }

    static TransformedFeatures extract(ExperimentConfig config, Map<String, FeatureExtractor> extractors,
                                       Map<String, AugmentationPipelines.Built> pipelines,
                                       Map<String, AugmentationPipelines.Built> conditions, List<Cell> cells,
                                       Corpus corpus, List<CorpusEntry> usable, List<Fold> folds, FeatureCache cache,
                                       int threads, ProgressLine progress, PrintStream err) {
        TransformedFeatures t = new TransformedFeatures();
        // only clips that some fold trains (tests) on: the official split tests on 300 of 3000
        Corpus trainClips = subset(corpus, usable, folds, Fold::train);
        Corpus testClips = subset(corpus, usable, folds, Fold::test);
        for (ExtractorConfig e : config.extractors()) {
            FeatureExtractor base = extractors.get(e.id());
            for (Map.Entry<String, AugmentationPipelines.Built> a : pipelines.entrySet()) {
                if (cells.stream().noneMatch(c -> c.extractor() == e && c.augmentation().id().equals(a.getKey()))) {
                    continue;
                }
                int copies = config.augmentations().stream().filter(x -> x.id().equals(a.getKey())).findFirst()
                        .orElseThrow().copies();
                t.copies.put(e.id() + "|" + a.getKey(), augmentedCopies(base, e.id(), a.getKey(), a.getValue(), copies,
                        trainClips, cache, threads, progress, err));
            }
            if (cells.stream().anyMatch(c -> c.extractor() == e)) {
                Map<String, Map<Path, Features>> byCondition = new LinkedHashMap<>();
                for (Map.Entry<String, AugmentationPipelines.Built> c : conditions.entrySet()) {
                    byCondition.put(c.getKey(), extractAll(new AugmentedExtractor(base, c.getValue().pipeline(),
                            c.getValue().description(), 0), testClips, cache, threads, "test condition " + c.getKey()
                            + " for " + e.id(), progress, err));
                }
                t.conditions.put(e.id(), byCondition);
            }
        }
        return t;
    }

    /**
     * {@code copies} augmented copies of every clip of {@code clips} (index = copy number), each a map from the
     * clip's path to its features: what the runner adds to training sets and {@code digits train} to its data.
     */
    public static List<Map<Path, Features>> augmentedCopies(FeatureExtractor extractor, String extractorId,
                                                            String augmentationId, AugmentationPipelines.Built pipeline,
                                                            int copies, Corpus clips, FeatureCache cache, int threads,
                                                            ProgressLine progress, PrintStream err) {
        List<Map<Path, Features>> list = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            String what = "features " + extractorId + " + " + augmentationId + " (copy " + (k + 1) + "/" + copies + ")";
            list.add(extractAll(new AugmentedExtractor(extractor, pipeline.pipeline(), pipeline.description(), k),
                    clips, cache, threads, what, progress, err));
        }
        return list;
    }

    /** The clips of {@code usable} that are on the given side ({@link Fold#train} or {@link Fold#test}) of any fold. */
    private static Corpus subset(Corpus corpus, List<CorpusEntry> usable, List<Fold> folds,
                                 java.util.function.Function<Fold, int[]> side) {
        java.util.Set<Integer> used = new java.util.TreeSet<>();
        for (Fold fold : folds) {
            Arrays.stream(side.apply(fold)).forEach(used::add);
        }
        return new Corpus(corpus.root(), corpus.layout(), used.stream().map(usable::get).toList(), List.of());
    }

    /** Extracts (or reads from the cache) every clip with this extractor, reporting like the clean extraction. */
    private static Map<Path, Features> extractAll(FeatureExtractor extractor, Corpus corpus, FeatureCache cache,
                                                  int threads, String what, ProgressLine progress, PrintStream err) {
        progress.start(what);
        CorpusFeatures cf = new CorpusExtraction(extractor, cache, threads, SpeechPresence.DEFAULT)
                .run(corpus, n -> progress.update(n, corpus.size(), null));
        err.printf("%s: %d clips (%d computed, %d from cache)%n", what, cf.size(), cf.extracted(), cf.fromCache());
        cf.cacheWarning().ifPresent(err::println);
        cf.badFiles().stream().filter(b -> !corpus.badFiles().contains(b)).limit(10)
                .forEach(b -> err.println("  skipped " + b));
        Map<Path, Features> m = new HashMap<>();
        for (int i = 0; i < cf.size(); i++) {
            m.put(cf.entries().get(i).path(), cf.features().get(i));
        }
        return m;
    }
}
