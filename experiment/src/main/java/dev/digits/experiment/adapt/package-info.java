/** Personalising a trained model to one voice ({@code digits adapt}). */
package dev.digits.experiment.adapt;
