/** Atomic file writes. */
package dev.digits.core.io;
