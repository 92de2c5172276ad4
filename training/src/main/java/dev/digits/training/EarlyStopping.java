package dev.digits.training;

/**
 * Early stopping on validation loss: remembers the best epoch and says when {@code patience} epochs have
 * passed without improvement. A patience of 0 never stops.
 */
public final class EarlyStopping {
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records an epoch's validation loss; true if it is the best so far (keep these weights). */
    public boolean record(int epoch, double validationLoss) {
        if (validationLoss < best) {
            best = validationLoss;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    public boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    public boolean enabled() {
        return patience > 0;
    }

    public int bestEpoch() {
        return bestEpoch;
    }
}
