package dev.digits.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.digits.app.cli.Command;
import dev.digits.app.cli.CommandLineApp;
import dev.digits.app.cli.Console;

import java.util.Set;

/** Entry point of the {@code digits} program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // libraries log at INFO through SLF4J; the program's own output is what users read
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        // JavaCPP's GC-driven release of native pointers made DL4J training 3x slower (61.7 s against 21.6 s for
        // the notebook's MLP) and used more memory (3.4 GB against 1.3 GB peak); ND4J and TensorFlow free their
        // own buffers. Must be set before any native library loads.
        System.setProperty("org.bytedeco.javacpp.nopointergc",
                System.getProperty("org.bytedeco.javacpp.nopointergc", "true"));
        System.exit(run(Console.system(), args));
    }

    /** Runs the program with the given console and returns its exit code (for tests and embedding). */
    public static int run(Console console, String... args) {
        Injector injector = Guice.createInjector(new AppModule(console, Main.class.getClassLoader()));
        Set<Command> commands = injector.getInstance(Key.get(new TypeLiteral<Set<Command>>() { }));
        return new CommandLineApp(commands, console).run(args);
    }
}
