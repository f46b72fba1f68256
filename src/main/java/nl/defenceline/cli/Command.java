package nl.defenceline.cli;

import java.io.PrintStream;
import java.util.List;

/** One verb of the command line. */
interface Command {

    String name();

    /** One line for the command list. */
    String summary();

    /** The options, one per line, for help output. */
    List<String> usage();

    /** The option names this command accepts, each with whether it takes a value. */
    Options.Spec spec();

    /**
     * Runs the command.
     *
     * @return the process exit code
     * @throws nl.defenceline.UserError on bad input or settings
     */
    int run(Options options, PrintStream out, PrintStream err) throws Exception;
}
