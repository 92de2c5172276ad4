/** Recognising the digit of one recording with a model bundle, shared by {@code predict} and {@code serve}. */
package dev.digits.app.recognition;
