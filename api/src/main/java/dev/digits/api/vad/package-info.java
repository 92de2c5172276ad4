/** Speech detectors: trained models that say, frame by frame, whether audio holds speech. */
package dev.digits.api.vad;
