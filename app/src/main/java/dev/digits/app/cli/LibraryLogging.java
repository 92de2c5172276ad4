package dev.digits.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one logging setup of the {@code digits} program. Libraries log through SLF4J (Deeplearning4j, Javalin,
 * Spark), {@code java.util.logging} (Tribuo, bridged) or JavaCPP's logger (routed to SLF4J); none of it reaches the
 * screen unless {@code --verbose} asks. Every record at INFO and above is kept: in memory until a command names
 * its log file ({@code digits.log} in a run's results folder), then in that file, so nothing is lost.
 */
public final class LibraryLogging {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36}: %msg%n";
    private static final int KEPT_BEFORE_FILE = 5000;

    private static EarlyRecords early;
    private static FileAppender<ILoggingEvent> file;

    private LibraryLogging() {
    }

    /**
     * Sets up logging for this process; call once, first thing in {@code main}, before any library loads.
     *
     * @param verbose also show every record on standard error
     */
    public static synchronized void configure(boolean verbose) {
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        file = null;
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        early = new EarlyRecords();
        early.setContext(context);
        early.start();
        root.addAppender(early);
        if (verbose) {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setTarget("System.err");
            console.setEncoder(encoder(context));
            console.start();
            root.addAppender(console);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
    }

    /**
     * From now on, keeps records in {@code logFile} (appending), starting with those logged so far in this
     * process. Does nothing when logging was not {@linkplain #configure configured} (tests, embedding).
     */
    public static synchronized void keepIn(Path logFile) {
        if (early == null) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (file != null) {
            root.detachAppender(file);
            file.stop();
        }
        file = new FileAppender<>();
        file.setContext(context);
        file.setFile(logFile.toString());
        file.setAppend(true);
        file.setEncoder(encoder(context));
        file.start();
        early.drainTo(file);
        root.addAppender(file);
    }

    /** Appends text that did not come through a logger (native libraries' standard error) to the current log file. */
    public static synchronized void appendToLog(String heading, Path source) {
        if (file == null || source == null || !Files.isRegularFile(source)
                || !Files.isDirectory(Path.of(file.getFile()).toAbsolutePath().getParent())) {
            return;
        }
        try {
            String text = Files.readString(source);
            if (!text.isBlank()) {
                Files.writeString(Path.of(file.getFile()), "--- " + heading + " ---\n" + text,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (java.io.IOException e) {
            LoggerFactory.getLogger(LibraryLogging.class).warn("cannot copy {} into the log: {}", source, e.getMessage());
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    /** Keeps the records logged before a log file is known (the last {@value #KEPT_BEFORE_FILE}). */
    private static final class EarlyRecords extends AppenderBase<ILoggingEvent> {
        private final Deque<ILoggingEvent> kept = new ArrayDeque<>();

        @Override
        protected synchronized void append(ILoggingEvent event) {
            if (file != null) {
                return;
            }
            event.prepareForDeferredProcessing();
            kept.addLast(event);
            if (kept.size() > KEPT_BEFORE_FILE) {
                kept.removeFirst();
            }
        }

        synchronized void drainTo(Appender<ILoggingEvent> target) {
            kept.forEach(target::doAppend);
            kept.clear();
        }
    }
}
