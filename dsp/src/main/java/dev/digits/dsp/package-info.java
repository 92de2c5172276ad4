/**
 * Signal processing shared by extractor plugins (silence trimming, deltas, normalisation, pooling, fixed frame
 * counts), versioned as a whole by {@link dev.digits.dsp.DspRevision}.
 */
package dev.digits.dsp;
