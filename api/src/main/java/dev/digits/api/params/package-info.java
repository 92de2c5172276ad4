/** Declared, typed plugin parameters: specs with defaults, ranges and choices, their resolution and did-you-mean suggestions. */
package dev.digits.api.params;
