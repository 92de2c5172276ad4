package dev.digits.api.model;

/** Receives progress from a {@link Classifier} while it trains. */
@FunctionalInterface
public interface TrainingListener {

    /** Called after every epoch (once, with epoch 1 of 1, for learners without epochs). */
    void onEpoch(EpochMetrics metrics);

    TrainingListener NONE = m -> { };
}
