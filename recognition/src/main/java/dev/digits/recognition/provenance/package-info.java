/**
 * Typed, immutable provenance records (where a model and its numbers came from), the facts of this build, and
 * the one JSON mapper that writes and reads the records of bundles and runs.
 */
package dev.digits.recognition.provenance;
