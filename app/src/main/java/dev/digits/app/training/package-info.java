/**
 * The one path from features to a trained, evaluated model that {@code run}, {@code train} and
 * {@code bench model} share, and the provenance facts every trained model records.
 */
package dev.digits.app.training;
