package dev.digits.spark;

import dev.digits.core.audio.SpeechPresence;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.Plugins;
import dev.digits.core.features.CorpusExtraction;
import dev.digits.core.features.FeatureCache;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extraction task: rebuilds the extractor from its plugin name and parameters (once per executor JVM) and
 * extracts each clip of its partition with {@link CorpusExtraction#extractOne}, the same code as a local run,
 * through the shared feature cache.
 */
final class ExtractPartition implements FlatMapFunction<Iterator<ShippedClip>, ShippedOutcome> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, FeatureExtractor> EXTRACTORS = new ConcurrentHashMap<>();

    private final String type;
    private final LinkedHashMap<String, Object> params;
    private final String cacheRoot;

    ExtractPartition(String type, Map<String, Object> params, String cacheRoot) {
        this.type = type;
        this.params = new LinkedHashMap<>(params);
        this.cacheRoot = cacheRoot;
    }

    @Override
    public Iterator<ShippedOutcome> call(Iterator<ShippedClip> clips) {
        FeatureExtractor extractor = EXTRACTORS.computeIfAbsent(type + params, k ->
                Plugins.discover(Thread.currentThread().getContextClassLoader()).extractors().get(type).create(params));
        CorpusExtraction extraction = new CorpusExtraction(extractor,
                cacheRoot == null ? null : new FeatureCache(Path.of(cacheRoot)), 1, SpeechPresence.DEFAULT);
        List<ShippedOutcome> out = new ArrayList<>();
        while (clips.hasNext()) {
            out.add(ShippedOutcome.of(extraction.extractOne(clips.next().entry())));
        }
        return out.iterator();
    }
}
