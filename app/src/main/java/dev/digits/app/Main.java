package dev.digits.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.digits.app.cli.Command;
import dev.digits.app.cli.CommandLineApp;
import dev.digits.experiment.console.Console;
import dev.digits.app.cli.LibraryLogging;
import dev.digits.experiment.console.ProgressLine;
import dev.digits.core.fetch.TransferDisplay;

import java.util.Arrays;
import java.util.Set;

/** Entry point of the {@code digits} program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // libraries' logs go to the run's digits.log, not the screen (unless --verbose): the program's own output
        // is what users read
        LibraryLogging.configure(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
        TransferDisplay.use(new ProgressLine(System.err).transfers()); // model files a plugin fetches on first use
        // -Dorg.bytedeco.javacpp.nopointergc=true (through DIGITS_JAVA_OPTS) makes DL4J's MLP train 3x faster, but
        // DL4J's CNN then leaks native memory (killed at 23 GB): it stays off unless asked for; see docs/performance.md
        System.exit(run(Console.system(), args));
    }

    /** Runs the program with the given console and returns its exit code (for tests and embedding). */
    public static int run(Console console, String... args) {
        Injector injector = Guice.createInjector(new AppModule(console, Main.class.getClassLoader()));
        Set<Command> commands = injector.getInstance(Key.get(new TypeLiteral<Set<Command>>() { }));
        return new CommandLineApp(commands, console).run(args);
    }
}
