package nl.defenceline;

/**
 * A problem the user can fix (bad input, bad settings). {@code cli.Main} prints its message as one line and exits with
 * its code; no stack trace unless --verbose.
 */
public final class UserError extends RuntimeException {

    private final ExitCode exitCode;

    /** Bad input or configuration: the run cannot go on ({@link ExitCode#BAD_INPUT}). */
    public UserError(String message) {
        this(message, ExitCode.BAD_INPUT);
    }

    public UserError(String message, ExitCode exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = ExitCode.BAD_INPUT;
    }

    /** The process exit code, as a number. */
    public int exitCode() {
        return exitCode.code();
    }
}
