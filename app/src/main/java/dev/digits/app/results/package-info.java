/**
 * Typed, immutable records of what runs produce and where numbers came from: cell results, run provenance and
 * the model bundle manifest, with the one JSON mapper that writes and reads them.
 */
package dev.digits.app.results;
