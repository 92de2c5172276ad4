/** The {@code spark} engine: extraction and grid cells on Apache Spark. */
package dev.digits.spark;
