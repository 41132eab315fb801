package dev.keyhound.cli;

/** A mistake in the command the user typed or the files it names: one line on stderr, exit 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
