package dev.digits.spark;

import dev.digits.api.features.Features;
import dev.digits.core.features.ClipOutcome;

import java.io.Serializable;

/** One clip's {@link ClipOutcome} as sent back to the driver: the features as plain arrays. */
record ShippedOutcome(float[] values, int[] shape, String problem, boolean fromCache, String damagedEntry,
                      long computeNanos, String cacheProblem) implements Serializable {

    static ShippedOutcome of(ClipOutcome o) {
        Features f = o.features();
        return new ShippedOutcome(f == null ? null : f.values(), f == null ? null : f.shape(), o.problem(),
                o.fromCache(), o.damagedEntry(), o.computeNanos(), o.cacheProblem());
    }

    ClipOutcome outcome() {
        Features f = values == null ? null
                : shape.length == 1 ? Features.vector(values) : Features.matrix(values, shape[0], shape[1]);
        return new ClipOutcome(f, problem, fromCache, damagedEntry, computeNanos, cacheProblem);
    }
}
