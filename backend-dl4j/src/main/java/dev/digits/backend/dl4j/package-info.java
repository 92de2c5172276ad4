/** The {@code dl4j} backend: the notebook's MLP and a small CNN on Deeplearning4j. */
package dev.digits.backend.dl4j;
