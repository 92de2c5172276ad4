/** Where commands and runs print: the console, progress lines and the marker for problems with user input. */
package dev.digits.experiment.console;
