package dev.digits.experiment.engine;

import dev.digits.experiment.results.CellResult;


/** The cells of a prepared experiment, as an engine sees them: run one here, or ship the experiment elsewhere. */
public interface CellWork {

    /** How the console names cell {@code cell}. */
    String describe(int cell);

    /**
     * Trains and evaluates one cell in this JVM and returns its record for results.json; a failure becomes a
     * record with status {@code failed}.
     *
     * @param showProgress draw per-epoch progress on the console (off when cells run concurrently)
     */
    CellResult run(int cell, boolean showProgress);

    /**
     * The record of a cell that could not be run at all (its worker died, say), shaped like any failed cell's.
     */
    CellResult failed(int cell, String error);

    /** What a remote worker needs to rebuild this experiment and run any of its cells. */
    ShippedCells shipped();
}
