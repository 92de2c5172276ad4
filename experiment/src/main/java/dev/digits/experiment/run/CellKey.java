package dev.digits.experiment.run;

import dev.digits.experiment.config.ExperimentConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.digits.api.features.FeatureExtractor;
import dev.digits.experiment.results.CellConfiguration;

import java.util.TreeMap;

/** Builds a cell's {@link CellConfiguration} from the plan: what {@code --resume} compares. */
final class CellKey {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CellKey() {
    }

    static CellConfiguration of(String datasetSha256, ExperimentPlan plan, Cell cell) {
        ExperimentConfig config = plan.config();
        FeatureExtractor extractor = plan.extractors().get(cell.extractor().id());
        return new CellConfiguration(
                datasetSha256 + " extra " + json(config.dataset().extraTraining())
                        + (config.dataset().include().isEmpty() ? "" : " include " + json(config.dataset().include()))
                        + (config.dataset().otherWords() ? " otherWords" : ""),
                plan.protocol().type() + " " + json(new TreeMap<>(plan.protocol().settings())),
                cell.fold() + " " + cell.foldName(),
                cell.seed(),
                extractor.name() + " " + extractor.parameters() + " revision " + extractor.revision(),
                cell.model().backend() + " " + cell.model().type() + " " + json(cell.model().spec().asMap())
                        + " ensemble " + cell.model().ensemble(),
                json(cell.augmentation()),
                json(config.testConditions()));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot describe " + value, e);
        }
    }
}
