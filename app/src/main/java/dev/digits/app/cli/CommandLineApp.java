package dev.digits.app.cli;

import dev.digits.experiment.console.Console;
import dev.digits.experiment.console.InputProblem;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import dev.digits.api.params.NameSuggestions;

/**
 * Dispatches {@code digits COMMAND [options]} to a {@link Command}: prints help, maps outcomes to exit codes
 * (0 success, 1 failure, 2 usage error) and prints a one-line error unless {@code --verbose} asks for the
 * stack trace.
 */
public final class CommandLineApp {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final Map<String, Command> commands = new TreeMap<>();
    private final Console console;

    public CommandLineApp(Iterable<Command> commands, Console console) {
        for (Command c : commands) {
            this.commands.put(c.name(), c);
        }
        this.console = console;
    }

    public int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--verbose") && !a.equals("-v")).toArray(String[]::new);
        if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("-h") || rest[0].equals("help")) {
            if (rest.length > 1 && commands.containsKey(rest[1])) {
                printHelp(commands.get(rest[1]));
            } else {
                printOverview();
            }
            return rest.length == 0 ? USAGE : OK;
        }
        Command command = commands.get(rest[0]);
        if (command == null) {
            console.err().println("digits: unknown command '" + rest[0] + "'"
                    + NameSuggestions.didYouMean(rest[0], commands.keySet()) + "; commands: "
                    + String.join(", ", commands.keySet()) + " (see digits --help)");
            return USAGE;
        }
        String[] commandArgs = Arrays.copyOfRange(rest, 1, rest.length);
        try {
            Options options = command.options();
            options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
            options.addOption(Option.builder("v").longOpt("verbose").desc("print stack traces of errors").build());
            CommandLine line;
            try {
                line = new DefaultParser().parse(options, commandArgs);
            } catch (ParseException e) {
                throw new UsageException(e.getMessage());
            }
            if (line.hasOption("help")) {
                printHelp(command);
                return OK;
            }
            return command.run(line, console);
        } catch (UsageException e) {
            console.err().println("digits " + command.name() + ": " + e.getMessage());
            console.err().println("usage: digits " + command.name() + " " + command.usage() + "  (digits "
                    + command.name() + " --help)");
            return USAGE;
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            console.err().println("digits " + command.name() + ": error: " + message);
            if (verbose) {
                e.printStackTrace(console.err());
            } else if (!causedByInput(e)) {
                console.err().println("(run with --verbose for the stack trace)");
            }
            return FAILURE;
        }
    }

    /**
     * Whether an error is about the user's input or environment (a file, a value, the network), which the message
     * explains, rather than a fault in the program, where the stack trace helps.
     */
    static boolean causedByInput(Throwable e) {
        return e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException || e instanceof InputProblem;
    }

    private void printOverview() {
        PrintStream w = console.out();
        w.println("digits: recognise spoken digits; compare feature extractors and neural-net backends.");
        w.println();
        w.println("usage: digits COMMAND [options]     (digits COMMAND --help for its options)");
        w.println();
        w.println("commands:");
        for (Command c : commands.values()) {
            w.printf("  %-10s %s%n", c.name(), c.summary());
        }
        w.println();
        w.println("global options: --verbose (stack traces on errors), --help");
        w.println("exit codes: 0 success, 1 failure, 2 usage error");
    }

    private void printHelp(Command command) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(console.out(), StandardCharsets.UTF_8), true);
        Options options = command.options();
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
        options.addOption(Option.builder("v").longOpt("verbose").desc("print stack traces of errors").build());
        HelpFormatter f = new HelpFormatter();
        f.setWidth(110);
        f.printHelp(w, 110, "digits " + command.name() + " " + command.usage(), command.summary(), options, 2, 2, "");
        w.flush();
    }
}
