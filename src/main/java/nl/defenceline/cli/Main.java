package nl.defenceline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Entry point: {@code defence-line <command> [options]}, the top-level command of picocli's command tree. The only
 * place that exits the JVM, with the codes of {@link ExitCode}; every error is one line on stderr, with a stack trace
 * only under {@code --verbose}.
 */
@Command(name = "defence-line",
        description = "Batch analytics on a web shop's customer-service exports: what to fix on the product pages.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        footer = "%n'defence-line <command> --help' lists a command's options.")
public final class Main implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "print this help")
    private boolean help;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "stack traces on errors")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final PrintStream err;

    private Main(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns its exit code; never exits, so tests and embedding code can call it. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main(err);
        CommandLine cli = new CommandLine(main)
                .addSubcommand(new RunCommand(out, err))
                .addSubcommand(new TrainCommand(out))
                .addSubcommand(new EvaluateCommand(out))
                .addSubcommand(new GenerateCommand(out))
                .addSubcommand(new HelpCommand());
        Converters.registerWith(cli);
        List<CommandLine> commands = new ArrayList<>(List.of(cli));
        commands.addAll(cli.getSubcommands().values());
        for (CommandLine command : commands) {
            // Options in the order declared, so the synopsis starts with the required ones.
            command.getCommandSpec().usageMessage().sortOptions(false).sortSynopsis(false)
                    .optionListHeading("%nOptions:%n");
        }
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.valueOf(code.code()), code.meaning());
        }
        cli.getCommandSpec().usageMessage().exitCodeList(exitCodes);
        // A value may start with '@' (a regular expression, a file name): it is never an argument file.
        cli.setExpandAtFiles(false)
                // An option given twice takes the last value, so a launcher's options can be overridden after it.
                .setOverwrittenOptionsAllowed(true)
                .setUsageHelpWidth(110)
                .setUsageHelpLongOptionsMaxWidth(32)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionStrategy(Main::checkRangesThenRun)
                .setParameterExceptionHandler((e, arguments) -> badParameters(e, err))
                .setExecutionExceptionHandler((e, command, parsed) -> failed(e, command, main.verbose, err));
        try {
            return cli.execute(args);
        } catch (LinkageError e) {
            // A class missing from the class path (a jar left out): picocli hands errors on instead of to the handler.
            return failed(e, cli, main.verbose, err);
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    /** Without a command: the list of commands, on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return ExitCode.BAD_INPUT.code();
    }

    /** Help first, as picocli does; then every given option against its {@link Range}; then the command. */
    private static int checkRangesThenRun(ParseResult parsed) {
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        for (ParseResult command = parsed; command != null; command = command.subcommand()) {
            for (OptionSpec option : command.matchedOptions()) {
                checkRange(command.commandSpec().commandLine(), option);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static void checkRange(CommandLine command, OptionSpec option) {
        Range range = option.userObject() instanceof Field field ? field.getAnnotation(Range.class) : null;
        Object value = option.getValue();
        if (range == null || !(value instanceof Number number)) {
            return;
        }
        // Written so that NaN, which no comparison holds for, is outside every range.
        if (!(number.doubleValue() >= range.min() && number.doubleValue() <= range.max())) {
            String valid = range.max() == Double.POSITIVE_INFINITY ? "at least " + plain(range.min())
                    : range.min() == Double.NEGATIVE_INFINITY ? "at most " + plain(range.max())
                    : "between " + plain(range.min()) + " and " + plain(range.max());
            throw new ParameterException(command, option.longestName() + " must be " + valid + ", got " + value);
        }
    }

    /** 1 rather than 1.0, 0.9 as 0.9. */
    private static String plain(double bound) {
        return BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
    }

    /** An unknown option, command or bad value: one line that says what is valid, and where the help is. */
    private static int badParameters(ParameterException e, PrintStream err) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println(command + ": " + problem(e) + "; see '" + command + " --help'");
        return ExitCode.BAD_INPUT.code();
    }

    private static String problem(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        // Picocli checks for missing options before it reports unmatched ones: the unknown option is the real problem.
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        if (!unmatched.isEmpty()) {
            String argument = unmatched.get(0);
            if (argument.startsWith("-")) {
                String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
                List<String> valid = spec.options().stream().map(OptionSpec::longestName).toList();
                return "unknown option '" + name + "', expected one of " + valid;
            }
            if (!spec.subcommands().isEmpty()) {
                return "unknown command '" + argument + "', expected one of " + spec.subcommands().keySet();
            }
            return "unexpected argument '" + argument + "'; options are --name value";
        }
        String message = e.getMessage();
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static int failed(Throwable e, CommandLine command, boolean verbose, PrintStream err) {
        String name = command.getCommandSpec().qualifiedName();
        int code;
        if (e instanceof UserError userError) {
            err.println(name + ": " + e.getMessage());
            code = userError.exitCode();
        } else {
            err.println(name + ": failed: " + rootMessage(e)
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            code = ExitCode.FAILURE.code();
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
