package nl.defenceline.cli;

import java.util.concurrent.Callable;
import nl.defenceline.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code help [COMMAND]}: the same as {@code --help} on the top level or on the command. Not picocli's own
 * {@code HelpCommand}: that declares {@code --help} itself, which clashes with the {@code --help} every command
 * inherits.
 */
@Command(name = "help", helpCommand = true, description = "List the commands, or a command's options.")
final class HelpCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "the command whose options to list")
    private String command;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine top = spec.parent().commandLine();
        CommandLine described = command == null ? top : top.getSubcommands().get(command);
        if (described == null) {
            throw new ParameterException(top, "unknown command '" + command + "', expected one of "
                    + top.getSubcommands().keySet());
        }
        described.usage(top.getOut());
        return ExitCode.OK.code();
    }
}
