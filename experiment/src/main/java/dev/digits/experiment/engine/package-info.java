/** Execution engines: where an experiment's extraction and cells run (this JVM, or a plugin such as Spark). */
package dev.digits.experiment.engine;
