/** Experiments: the YAML config and its loader, the plan of cells, running them, metrics, significance tests and reports. */
package dev.digits.app.experiment;
