package dev.digits.experiment.engine;

import dev.digits.experiment.results.CellResult;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.config.ExperimentConfig.ExtractorConfig;
import dev.digits.core.dataset.Corpus;
import dev.digits.core.features.CorpusFeatures;
import dev.digits.core.features.FeatureCache;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Where an experiment's heavy work runs: the extraction of a corpus and the training and evaluation of the
 * grid's cells. Every engine computes the same things with the same code ({@code CorpusExtraction.extractOne},
 * {@link CellWork#run}); only the place differs. Opened by an {@link EngineProvider}, closed after the run.
 */
public interface ExecutionEngine extends AutoCloseable {

    /** One line for the console, such as {@code local (2 threads)} or {@code spark local[2] (Spark 3.5.9)}. */
    String describe();

    /** What results.json records about the engine: its type, settings and versions, as text. */
    Map<String, String> provenance();

    /**
     * Features of every clip of {@code corpus}, through {@code cache} when it is not {@code null}; a bad file is
     * reported in the result and skipped.
     *
     * @param config   the extractor's id, plugin name and raw parameters (what a remote worker rebuilds it from)
     * @param progress called with the number of clips done so far
     */
    CorpusFeatures extract(ExtractorConfig config, FeatureExtractor extractor, Corpus corpus, FeatureCache cache,
                           IntConsumer progress) throws Exception;

    /**
     * Runs the given cells of {@code work}, calling {@code listener} (on the caller's side, one call at a time)
     * as each finishes. A cell that fails is reported as a failed result, never by an exception here.
     */
    void runCells(CellWork work, List<Integer> cells, CellListener listener) throws Exception;

    @Override
    void close();

    /** Told of each cell's start and result. */
    interface CellListener {
        default void started(int cell) {
        }

        /** {@code result} is the cell's record for results.json (status ok or failed). */
        void finished(int cell, CellResult result) throws Exception;
    }
}
