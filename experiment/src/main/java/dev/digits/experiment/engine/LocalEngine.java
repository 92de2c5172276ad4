package dev.digits.experiment.engine;

import dev.digits.experiment.config.EngineSettings;

import dev.digits.core.audio.SpeechPresence;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.console.Console;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** The default engine: extraction on every core of this JVM, cells one after another. */
public final class LocalEngine implements ExecutionEngine {
    private final int threads;

    public LocalEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** All available processors. */
    public static LocalEngine allCores() {
        return new LocalEngine(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String describe() {
        return "local (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
    }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "local");
        m.put("threads", Integer.toString(threads));
        return m;
    }

    @Override
    public CorpusFeatures extract(ExtractorConfig config, FeatureExtractor extractor, Corpus corpus, FeatureCache cache,
                                  IntConsumer progress) {
        return new CorpusExtraction(extractor, cache, threads, SpeechPresence.DEFAULT).run(corpus, progress);
    }

    @Override
    public void runCells(CellWork work, List<Integer> cells, CellListener listener) throws Exception {
        for (int cell : cells) {
            listener.started(cell);
            listener.finished(cell, work.run(cell, true));
        }
    }

    @Override
    public void close() {
    }

    /** The provider that makes {@code local} available by name like any other engine. */
    public static final class Provider implements EngineProvider {
        @Override
        public String name() {
            return "local";
        }

        @Override
        public String description() {
            return "this JVM: extraction on every core, cells one after another (default)";
        }

        @Override
        public List<String> settingNames() {
            return List.of("threads");
        }

        @Override
        public List<String> check(EngineSettings settings) {
            Object t = settings.settings().get("threads");
            if (t != null && !(t instanceof Number n && n.intValue() > 0) && !String.valueOf(t).matches("[1-9][0-9]*")) {
                return List.of("engine.threads must be a positive whole number, got " + t);
            }
            return List.of();
        }

        @Override
        public ExecutionEngine open(EngineSettings settings, Console console) {
            String t = settings.get("threads", null);
            return t == null ? allCores() : new LocalEngine(Integer.parseInt(t));
        }
    }
}
