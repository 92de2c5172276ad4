package dev.digits.spark;

import dev.digits.recognition.provenance.ResultsJson;
import dev.digits.experiment.results.CellResult;
import dev.digits.experiment.engine.ShippedCells;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;


/**
 * The task for one cell: trains and evaluates it on the executor (the experiment prepared there once, from the
 * shared feature cache) and returns its results.json record as JSON. A failed cell fails the task while Spark
 * has attempts left, so Spark retries it; the last attempt returns the failure as the cell's record.
 */
final class CellTask implements Function<Integer, byte[]> {
    private static final long serialVersionUID = 1L;

    private final ShippedCells experiment;
    private final int maxAttempts;

    CellTask(ShippedCells experiment, int maxAttempts) {
        this.experiment = experiment;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public byte[] call(Integer cell) throws Exception {
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        CellResult result = experiment.cells().run(cell, false);
        if (!result.ok() && attempt + 1 < maxAttempts) {
            throw new CellFailedException("cell " + result.identity().cell() + " failed on attempt " + (attempt + 1) + " of "
                    + maxAttempts + ": " + result.error());
        }
        return ResultsJson.write(attempt > 0 ? result.withAttempts(attempt + 1) : result);
    }

    /** Thrown inside a task so that Spark retries the cell. */
    static final class CellFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        CellFailedException(String message) {
            super(message);
        }
    }
}
