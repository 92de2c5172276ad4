/** Running an experiment: the plan of cells, extraction, the cells on an engine, the run folder and resume. */
package dev.digits.experiment.run;
