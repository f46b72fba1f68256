package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import nl.defenceline.ExitCode;
import nl.defenceline.generate.ExportGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: write a seeded synthetic export folder (sample data, tests, benchmarks). */
@Command(name = "generate", description = "Write a seeded synthetic export folder with planted findings.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write (created if missing)")
    private Path dir;

    @Option(names = "--tickets", paramLabel = "N", description = "tickets (default ${DEFAULT-VALUE})")
    @Range(min = 0)
    private int tickets = 400;

    @Option(names = "--returns", paramLabel = "M", description = "returns (default 30%% of tickets)")
    @Range(min = 0)
    private Integer returns;

    @Option(names = "--stock-questions", paramLabel = "K", description = "stock questions (default 10%% of tickets)")
    @Range(min = 0)
    private Integer stockQuestions;

    @Option(names = "--start", paramLabel = "DATE", description = "first day, yyyy-MM-dd (default ${DEFAULT-VALUE})")
    private LocalDate start = LocalDate.of(2026, 10, 5);

    @Option(names = "--days", paramLabel = "D", description = "days covered (default ${DEFAULT-VALUE})")
    @Range(min = 1)
    private int days = 42;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    @Range(min = 0)
    private int seed = 2026;

    @Option(names = "--realistic-texts", description = "messages as long as real ones on average (about 116 characters"
            + " of subject and text) and each one different, as the benchmark uses; without, short template texts that"
            + " repeat")
    private boolean realisticTexts;

    private final PrintStream out;

    GenerateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        ExportGenerator.Spec spec = new ExportGenerator.Spec(tickets,
                returns != null ? returns : tickets * 3 / 10,
                stockQuestions != null ? stockQuestions : tickets / 10,
                start, days, seed, realisticTexts);
        long started = System.nanoTime();
        new ExportGenerator(spec).writeTo(dir);
        out.printf("wrote %d tickets, %d returns, %d stock questions to %s in %.1f s%n", spec.tickets(), spec.returns(),
                spec.stockQuestions(), dir, (System.nanoTime() - started) / 1e9);
        return ExitCode.OK.code();
    }
}
