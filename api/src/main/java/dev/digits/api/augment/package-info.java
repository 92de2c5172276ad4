/** The contracts of augmentation plugins: audio and feature augmentations and their provider. */
package dev.digits.api.augment;
