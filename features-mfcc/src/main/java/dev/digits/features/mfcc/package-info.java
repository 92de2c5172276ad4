/** The {@code mfcc-librosa} and {@code logmel-librosa} extractors: librosa-exact mel spectrograms and MFCCs with a soxr-like resampler. */
package dev.digits.features.mfcc;
