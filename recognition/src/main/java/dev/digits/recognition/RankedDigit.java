package dev.digits.recognition;

/** A label and the probability the model gives it. */
public record RankedDigit(String digit, float p) {
}
