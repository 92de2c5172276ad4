/** Reports of a run: report.md, report.html and their PNG charts. */
package dev.digits.experiment.report;
