package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import nl.defenceline.UserError;
import nl.defenceline.generate.ExportGenerator;

/** {@code generate}: write a seeded synthetic export folder (sample data, tests, benchmarks). */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "Write a seeded synthetic export folder with planted findings.";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "--out DIR              folder to write (created if missing)",
                "--tickets N            tickets (default 400)",
                "--returns M            returns (default 30% of tickets)",
                "--stock-questions K    stock questions (default 10% of tickets)",
                "--start DATE           first day, yyyy-MM-dd (default 2026-10-05)",
                "--days D               days covered (default 42)",
                "--seed S               random seed (default 2026)");
    }

    @Override
    public Options.Spec spec() {
        return new Options.Spec(Set.of("out", "tickets", "returns", "stock-questions", "start", "days", "seed"), Set.of());
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) {
        Path dir = Path.of(options.required("out"));
        int tickets = options.integer("tickets", 400, 0);
        LocalDate start;
        try {
            start = LocalDate.parse(options.get("start", "2026-10-05"));
        } catch (DateTimeParseException e) {
            throw new UserError("--start must be a date like 2026-10-05, got '" + options.get("start", "") + "'");
        }
        ExportGenerator.Spec spec = new ExportGenerator.Spec(tickets,
                options.integer("returns", tickets * 3 / 10, 0),
                options.integer("stock-questions", tickets / 10, 0),
                start, options.integer("days", 42, 1), options.integer("seed", 2026, 0));
        long started = System.nanoTime();
        new ExportGenerator(spec).writeTo(dir);
        out.printf("wrote %d tickets, %d returns, %d stock questions to %s in %.1f s%n", spec.tickets(), spec.returns(),
                spec.stockQuestions(), dir, (System.nanoTime() - started) / 1e9);
        return Main.OK;
    }
}
