package dev.digits.app.cli;

/** The command line is wrong (unknown option, missing argument); exit code 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
