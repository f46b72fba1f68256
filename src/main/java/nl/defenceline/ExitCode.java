package nl.defenceline;

/**
 * The process exit codes, defined here once: {@link UserError} carries one, {@code cli.Main} returns them and lists
 * them in its help. Next to {@code UserError} rather than in {@code cli} because every package throws that.
 */
public enum ExitCode {

    OK(0, "success"),
    FAILURE(1, "unexpected failure (--verbose shows the stack trace)"),
    BAD_INPUT(2, "bad input or settings; the message says what to fix"),
    TOO_MANY_REJECTS(3, "finished and wrote the reports, but an input had more rejected rows than --max-reject-share");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** What the code means, for help output. */
    public String meaning() {
        return meaning;
    }
}
