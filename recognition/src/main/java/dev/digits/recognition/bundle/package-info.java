/**
 * Model bundles: one file with everything needed to recognise digits with a trained model, and the voice shift
 * an adapted bundle adds to its features.
 */
package dev.digits.recognition.bundle;
