/** Typed, immutable records of what a run produces: cell results and the configuration each was made with. */
package dev.digits.experiment.results;
