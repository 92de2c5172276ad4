package dev.digits.experiment.console;

/**
 * Marks an exception whose message fully explains a problem with the user's input (a configuration file, an
 * option): the program prints the message and no hint about stack traces.
 */
public interface InputProblem {
}
