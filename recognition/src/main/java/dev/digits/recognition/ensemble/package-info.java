/** Seed ensembles: several copies of one model trained with derived seeds, their probabilities averaged. */
package dev.digits.recognition.ensemble;
