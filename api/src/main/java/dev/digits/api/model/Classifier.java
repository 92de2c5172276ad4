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
}
