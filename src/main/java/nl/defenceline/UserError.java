package nl.defenceline;

/**
 * A problem the user can fix (bad input, bad settings). {@code cli.Main} prints its message as one line and exits with
 * its code; no stack trace unless --verbose.
 */
public final class UserError extends RuntimeException {

    /** Bad input or configuration: the run cannot go on. */
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    public UserError(String message) {
        this(message, BAD_INPUT);
    }

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = BAD_INPUT;
    }

    public int exitCode() {
        return exitCode;
    }
}
