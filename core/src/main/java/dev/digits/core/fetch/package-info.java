/** Installing pinned files (model weights) from an upstream archive, a mirror or a local copy, verified by SHA-256. */
package dev.digits.core.fetch;
