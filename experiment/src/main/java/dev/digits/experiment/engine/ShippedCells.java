package dev.digits.experiment.engine;

import java.io.Serializable;

/**
 * An experiment's cells in a form that travels to a remote worker (a Spark executor), which rebuilds them there
 * from the description once per run.
 */
public interface ShippedCells extends Serializable {

    /** The cells in this JVM: the driver's own, or the ones rebuilt here from this description. */
    CellWork cells();
}
