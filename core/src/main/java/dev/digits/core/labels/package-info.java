/**
 * The labels a model tells apart (the digits, and {@code ?} for speech that is not a digit) and the open-set rule
 * that turns class probabilities into an answer.
 */
package dev.digits.core.labels;
