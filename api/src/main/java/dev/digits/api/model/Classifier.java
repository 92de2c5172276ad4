package dev.digits.api.model;

/**
 * A learner configured by a {@link ModelSpec}: trains on a {@link TrainingSet} and returns a
 * {@link TrainedModel}. Created by a {@link ClassifierProvider}.
 */
public interface Classifier {

    ModelSpec spec();

    /**
     * Trains a model, reporting each epoch to the listener.
     *
     * @throws IllegalArgumentException if the features do not fit the spec (a matrix model given vectors)
     */
    TrainedModel train(TrainingSet data, TrainingListener listener);

    /**
     * Trains a model that will only be asked which class is most likely, as a quick check does (leave one out):
     * a backend may skip work that only calibrates its probabilities, so they may be coarser than
     * {@link #train}'s (a vote share, or 1 for the class it predicts). The listener may hear of no epoch.
     * By default the same as {@link #train}.
     *
     * @throws IllegalArgumentException if the features do not fit the spec
     */
    default TrainedModel trainForDecisions(TrainingSet data, TrainingListener listener) {
        return train(data, listener);
    }
}
