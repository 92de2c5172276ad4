package dev.digits.api.model;

/**
 * Loss and accuracy after one training epoch. Validation figures are {@code NaN} when no validation set was
 * held out.
 */
public record EpochMetrics(int epoch, int epochs, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy) {

    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
