/**
 * Conformance suites for extractor and augmentation plugins, with the synthetic clips they run on.
 */
package dev.digits.tck.features;
