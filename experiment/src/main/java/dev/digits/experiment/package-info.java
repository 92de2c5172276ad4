/** The experiment engine: the installed plugins every part of a run is resolved against. */
package dev.digits.experiment;
