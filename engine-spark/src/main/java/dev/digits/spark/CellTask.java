package dev.digits.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.app.experiment.ShippedExperiment;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.util.Map;

/**
 * The task for one cell: trains and evaluates it on the executor (the experiment prepared there once, from the
 * shared feature cache) and returns its results.json record as JSON. A failed cell fails the task while Spark
 * has attempts left, so Spark retries it; the last attempt returns the failure as the cell's record.
 */
final class CellTask implements Function<Integer, byte[]> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShippedExperiment experiment;
    private final int maxAttempts;

    CellTask(ShippedExperiment experiment, int maxAttempts) {
        this.experiment = experiment;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public byte[] call(Integer cell) throws Exception {
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        Map<String, Object> result = experiment.prepared().run(cell, false);
        if (!"ok".equals(result.get("status")) && attempt + 1 < maxAttempts) {
            throw new CellFailedException("cell " + result.get("cell") + " failed on attempt " + (attempt + 1) + " of "
                    + maxAttempts + ": " + result.get("error"));
        }
        if (attempt > 0) {
            result.put("attempts", attempt + 1);
        }
        return JSON.writeValueAsBytes(result);
    }

    /** Thrown inside a task so that Spark retries the cell. */
    static final class CellFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        CellFailedException(String message) {
            super(message);
        }
    }
}
