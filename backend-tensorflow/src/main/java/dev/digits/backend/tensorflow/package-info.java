/** The {@code tensorflow} backend: MLP and CNN graphs on TensorFlow Java, trained with a reproducible step. */
package dev.digits.backend.tensorflow;
