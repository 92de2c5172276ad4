/** WAV input and output, and resampling. */
package dev.digits.core.audio;
