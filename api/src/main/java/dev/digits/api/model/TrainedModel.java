package dev.digits.api.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * A trained classifier: predicts class probabilities for a batch of feature rows and saves itself to a stream
 * that its provider's {@link ClassifierProvider#load} reads back.
 */
public interface TrainedModel {

    /** The name of the backend that trained it. */
    String backend();

    ModelSpec spec();

    /** The shape of one input example. */
    int[] inputShape();

    int numClasses();

    /**
     * Class probabilities, one row per input row (each row of {@code batch} is a flattened example of
     * {@link #inputShape()}).
     */
    float[][] predictProbabilities(float[][] batch);

    void save(OutputStream out) throws IOException;

    /** Where the model came from, as the backend records it (library versions, trainer settings). */
    default Map<String, String> provenance() {
        return Map.of();
    }
}
