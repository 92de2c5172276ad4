/** Classification metrics and paired significance tests. */
package dev.digits.experiment.metrics;
