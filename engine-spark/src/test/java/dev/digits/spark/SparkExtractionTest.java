package dev.digits.spark;

import dev.digits.experiment.config.ConfigValues;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.engine.ExecutionEngine;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.dataset.CorpusEntry;
import dev.digits.core.dataset.CorpusLayout;
import dev.digits.core.dataset.DatasetLocator;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extraction of the real FSDD corpus as a Spark job equals the local extraction, and shares its cache. */
class SparkExtractionTest {
    private static final Plugins PLUGINS = Plugins.discover(SparkExtractionTest.class.getClassLoader());

    @Test
    void fsddOnSparkEqualsLocalBitForBitAndFillsTheCacheALocalRunReads(@TempDir Path dir) throws Exception {
        Path fsdd = DatasetLocator.defaults().locate("fsdd");
        Corpus full = CorpusLayout.detect(fsdd).scan(fsdd);
        // every clip plus a damaged one: bad files are reported the same way by both engines
        Path bad = Files.writeString(dir.resolve("7_nobody_0.wav"), "RIFF but not really a wav file");
        List<CorpusEntry> entries = new ArrayList<>(full.entries());
        entries.add(1234, new CorpusEntry(bad, 7, "nobody", 0));
        Corpus corpus = new Corpus(full.root(), full.layout(), entries, List.of());
        Map<String, Object> params = Map.of("sr", "native", "pooling", "mean");
        FeatureExtractor extractor = PLUGINS.extractors().get("mfcc-librosa").create(params);
        ExtractorConfig config = new ExtractorConfig("mean", "mfcc-librosa", ConfigValues.of(params), extractor);

        CorpusFeatures local = new CorpusExtraction(extractor, null, 2).run(corpus, n -> { });
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        CorpusFeatures spark;
        AtomicInteger lastProgress = new AtomicInteger();
        try (ExecutionEngine engine = open("local[2]")) {
            spark = engine.extract(config, extractor, corpus, cache, lastProgress::set);
        }

        assertEquals(3000, local.size());
        assertEquals(local.entries(), spark.entries());
        for (int i = 0; i < local.size(); i++) {
            assertArrayEquals(local.features().get(i).values(), spark.features().get(i).values(),
                    "features of " + local.entries().get(i).path());
            assertArrayEquals(local.features().get(i).shape(), spark.features().get(i).shape());
        }
        assertEquals(local.badFiles(), spark.badFiles());
        assertEquals(1, spark.badFiles().size());
        assertTrue(spark.badFiles().get(0).toString().contains("7_nobody_0.wav"), spark.badFiles().toString());
        assertEquals(3000, spark.extracted());
        assertEquals(3001, lastProgress.get(), "progress ends at every clip");

        // a local run with the same cache computes nothing and reads the very same numbers
        CorpusFeatures again = new CorpusExtraction(extractor, cache, 2).run(corpus, n -> { });
        assertEquals(0, again.extracted());
        assertEquals(3000, again.fromCache());
        for (int i = 0; i < local.size(); i++) {
            assertArrayEquals(local.features().get(i).values(), again.features().get(i).values());
        }
    }

    static ExecutionEngine open(String master) throws Exception {
        return PLUGINS.engines().get("spark").open(new EngineSettings("spark", ConfigValues.NONE.with("master", master)),
                new Console(System.out, System.err));
    }
}
