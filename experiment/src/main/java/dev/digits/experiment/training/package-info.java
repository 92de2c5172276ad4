/**
 * The one path from features to a trained, evaluated model that {@code run}, {@code train} and
 * {@code bench} share.
 */
package dev.digits.experiment.training;
