package dev.digits.app.cli;

import dev.digits.experiment.console.Console;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One sub-command of the {@code digits} program, such as {@code list} or {@code run}. */
public interface Command {

    /** The word that selects it: {@code digits NAME ...}. */
    String name();

    /** One line for {@code digits --help}. */
    String summary();

    /** Usage after the command name, such as {@code [--out DIR] FILE.yaml}. */
    default String usage() {
        return "[options]";
    }

    Options options();

    /**
     * Runs the command.
     *
     * @return the exit code: 0 on success, 1 on failure
     * @throws UsageException for wrong arguments (exit code 2)
     * @throws Exception      for failures (exit code 1, message printed on one line)
     */
    int run(CommandLine line, Console console) throws Exception;
}
