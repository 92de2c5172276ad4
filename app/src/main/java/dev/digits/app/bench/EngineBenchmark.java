package dev.digits.app.bench;

import dev.digits.experiment.config.ConfigValues;

import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.Plugins;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.UsageException;
import dev.digits.experiment.config.EngineSettings;
import dev.digits.experiment.engine.ExecutionEngine;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.experiment.loading.ExperimentLoader;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code digits bench features --data DIR --engine NAME}: a corpus's extraction on an engine next to the local
 * parallel extraction, alternating in one run, no cache; prints both, their ratio and the engine's start-up.
 */
final class EngineBenchmark {
    private final Plugins plugins;

    EngineBenchmark(Plugins plugins) {
        this.plugins = plugins;
    }

    int run(String engineName, String master, Path data, String extractorName, Map<String, String> params, int threads,
            int rounds, Console console) throws Exception {
        EngineSettings settings = new EngineSettings(engineName, ConfigValues.NONE).override(engineName,
                ConfigValues.NONE.with("master", master));
        List<String> problems = ExperimentLoader.checkEngine(plugins, settings);
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        Corpus corpus = Corpus.open(data);
        FeatureExtractor extractor = plugins.extractors().get(extractorName).create(params);
        ExtractorConfig config = new ExtractorConfig("bench", extractorName, ConfigValues.of(params), extractor);
        PrintStream out = console.out();
        out.printf("extractor: %s %s%n", extractor.name(), extractor.parameters());
        out.printf("files: %d under %s; local threads: %d; JVM: %s %s%n", corpus.size(), data, threads,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        long t0 = System.nanoTime();
        try (ExecutionEngine engine = plugins.engines().get(engineName).open(settings, console)) {
            double startup = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "engine: %s, started in %.2f s%n", engine.describe(), startup);
            CorpusExtraction local = new CorpusExtraction(extractor, null, threads);
            local.run(corpus, n -> { });
            engine.extract(config, extractor, corpus, null, n -> { });
            out.println("warm-up: one pass each");
            long bestLocal = Long.MAX_VALUE;
            long bestEngine = Long.MAX_VALUE;
            for (int r = 1; r <= rounds; r++) {
                long a = System.nanoTime();
                CorpusFeatures l = local.run(corpus, n -> { });
                long localNanos = System.nanoTime() - a;
                long b = System.nanoTime();
                CorpusFeatures e = engine.extract(config, extractor, corpus, null, n -> { });
                long engineNanos = System.nanoTime() - b;
                if (l.size() != e.size()) {
                    throw new IllegalStateException("local extracted " + l.size() + " clips, " + engineName + " " + e.size());
                }
                bestLocal = Math.min(bestLocal, localNanos);
                bestEngine = Math.min(bestEngine, engineNanos);
                out.printf(Locale.ROOT, "round %d: local %.3f s, %s %.3f s%n", r, localNanos / 1e9, engineName,
                        engineNanos / 1e9);
            }
            double localRate = corpus.size() / (bestLocal / 1e9);
            double engineRate = corpus.size() / (bestEngine / 1e9);
            out.printf(Locale.ROOT, "local: %.1f files/s (%.3f ms per file per thread)%n", localRate,
                    bestLocal / 1e6 / corpus.size() * threads);
            out.printf(Locale.ROOT, "%s: %.1f files/s; time ratio %s/local: %.2f (start-up not included: %.2f s)%n",
                    engineName, engineRate, engineName, bestEngine / (double) bestLocal, startup);
            out.printf(Locale.ROOT, "files/s: %.1f%n", engineRate);
        }
        return 0;
    }
}
