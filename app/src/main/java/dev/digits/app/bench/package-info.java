/** {@code digits bench}: measurements of extraction, training, adaptation, streams and the server. */
package dev.digits.app.bench;
