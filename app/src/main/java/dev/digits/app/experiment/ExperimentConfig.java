package dev.digits.app.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment file: which data, how it is split, which extractors and models to compare, and the
 * seeds each cell is repeated with.
 *
 * @param source the file it was read from
 */
public record ExperimentConfig(String name, String description, DatasetRef dataset, ProtocolConfig protocol,
                               List<Long> seeds, List<ExtractorConfig> extractors, List<ModelConfig> models,
                               boolean cache, Path source) {

    /** {@code dataset: {name: fsdd}} or {@code {path: DIR, layout: fsdd|audiomnist|folders}}. */
    public record DatasetRef(String name, String path, String layout) {
        public String describe() {
            return name != null ? name : path + (layout == null ? "" : " (" + layout + ")");
        }
    }

    /** {@code protocol: {type: official}}, {@code {type: random, testFraction: 0.2, seed: 1}} ... */
    public record ProtocolConfig(String type, Map<String, Object> settings) {
    }

    /** One extractor of the comparison: an id for reports, the plugin name and its raw parameters. */
    public record ExtractorConfig(String id, String type, Map<String, Object> params) {
    }

    /** One model of the comparison: an id for reports, the backend plugin and the raw model spec. */
    public record ModelConfig(String id, String backend, String type, Map<String, Object> spec) {
    }
}
