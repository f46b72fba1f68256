package nl.defenceline.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.UserError;

/**
 * Entry point: {@code defence-line <command> [options]}. The only place that exits the JVM. Exit codes: 0 success,
 * 1 unexpected failure, 2 bad input or settings, 3 finished but an input had too many rejected rows.
 */
public final class Main {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int TOO_MANY_REJECTS = 3;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command command : List.of(new RunCommand(), new TrainCommand(), new EvaluateCommand(), new GenerateCommand())) {
            COMMANDS.put(command.name(), command);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit code; never exits, so tests can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        String[] rest = Arrays.stream(args).filter(a -> !a.equals("--verbose")).toArray(String[]::new);
        if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("help")) {
            printUsage(rest.length == 0 ? err : out);
            return rest.length == 0 ? UserError.BAD_INPUT : OK;
        }
        Command command = COMMANDS.get(rest[0]);
        if (command == null) {
            err.println("defence-line: unknown command '" + rest[0] + "', expected one of " + COMMANDS.keySet());
            return UserError.BAD_INPUT;
        }
        if (Arrays.asList(rest).contains("--help")) {
            printHelp(command, out);
            return OK;
        }
        try {
            return command.run(Options.parse(command.name(), rest, 1, command.spec()), out, err);
        } catch (UserError e) {
            err.println("defence-line " + command.name() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return e.exitCode();
        } catch (Exception | LinkageError e) {
            err.println("defence-line " + command.name() + ": failed: " + rootMessage(e)
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return FAILURE;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: defence-line <command> [options] [--verbose]");
        out.println();
        for (Command command : COMMANDS.values()) {
            out.printf("  %-10s %s%n", command.name(), command.summary());
        }
        out.println();
        out.println("'defence-line <command> --help' lists a command's options.");
    }

    private static void printHelp(Command command, PrintStream out) {
        out.println("usage: defence-line " + command.name() + " [options]");
        out.println(command.summary());
        out.println();
        command.usage().forEach(line -> out.println("  " + line));
    }
}
