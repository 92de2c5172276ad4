/**
 * Helpers shared by backend plugins: the epoch loop, standardisation, the validation split, early stopping,
 * probability metrics, the neural-net spec and the header of saved models.
 */
package dev.digits.training;
