package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.defenceline.SharedSpark;
import nl.defenceline.cli.Main;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus under src/test/resources/hostile/ run through the CLI, for what only a whole run shows: a
 * run whose rejects are accounted for in run-summary.json and the rejects file, exit code 3 when there are too many,
 * and one line with exit code 2 when nothing usable is left. How each case's rows are read and rejected is tested at
 * the readers, in ingest.ExportReaderTest.
 */
@ExtendWith(SharedSpark.class)
class HostileExportsTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");

    @TempDir
    Path work;

    @BeforeEach
    void sessionIsUp(SparkSession spark) {
        // The CLI reuses the suite's session.
    }

    /** What one run printed and where it wrote its reports. */
    private record Run(int exitCode, String errors, Path output) {
    }

    /** Runs the CLI on the case's files next to the valid base files. */
    private Run run(String hostileCase, String... extra) throws IOException {
        Path input = work.resolve(hostileCase);
        Files.createDirectories(input);
        for (Path dir : List.of(CORPUS.resolve("_base"), CORPUS.resolve(hostileCase))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, input.resolve(file.getFileName()));
                }
            }
        }
        Path output = work.resolve("out-" + hostileCase);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("run", "--input", input.toString(), "--output", output.toString()),
                Stream.of(extra)).toArray(String[]::new);
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String errors = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("defence-line run:"))
                .reduce("", (a, b) -> a + b + "\n");
        return new Run(code, errors, output);
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        return nl.defenceline.ReportCsv.records(csv);
    }

    @Test
    void ticketsWithoutTextAreClassifiedOnSubjectsWithAWarningInTheReadersLanguage() throws IOException {
        Run run = run("subjects-only", "--language", "nl");

        assertEquals(0, run.exitCode(), run.errors());
        JsonNode summary = new ObjectMapper().readTree(run.output().resolve("run-summary.json").toFile());
        assertEquals(1, summary.get("warnings").size(), summary.toString());
        assertTrue(summary.get("warnings").get(0).asText().startsWith("Classified on subjects only:"),
                summary.toString());
        String page = Files.readString(run.output().resolve("index.html"));
        assertTrue(page.contains("Alleen op onderwerpregels geclassificeerd") && !page.contains("subjects only"),
                page);
    }

    @Test
    void rejectsAreAccountedForAndTooManyFinishWithExitCodeThree() throws IOException {
        Run run = run("field-count");

        assertEquals(3, run.exitCode(), run.errors());
        assertEquals("defence-line run: too many rejected rows: {tickets.csv=0.5} above --max-reject-share 0.05;"
                + " reports were written\n", run.errors());
        assertTrue(Files.exists(run.output().resolve("complaint-sources.csv")), "reports are written first");
        JsonNode tickets = new ObjectMapper().readTree(run.output().resolve("run-summary.json").toFile())
                .get("inputs").get("tickets.csv");
        assertEquals(4, tickets.get("rows_read").asLong());
        assertEquals(2, tickets.get("rows_used").asLong());
        assertEquals(2, tickets.get("rows_rejected").asLong());
        assertEquals("rejects/tickets.csv", tickets.get("rejects_file").asText());
        List<CSVRecord> rejects = records(run.output().resolve("rejects/tickets.csv"));
        assertEquals(List.of(
                List.of("tickets.csv", "3", "has 10 fields, the header has 8"),
                List.of("tickets.csv", "4", "has 3 fields, the header has 8")),
                rejects.stream().map(r -> List.of(r.get("file"), r.get("line"), r.get("reason"))).toList());
        assertEquals("T3,2026-11-02 10:03:00,email", rejects.get(1).get("record"));
    }

    @Test
    void anEmptyTicketsFileStopsWithOneLine() throws IOException {
        Run run = run("empty");
        assertEquals(2, run.exitCode());
        assertTrue(run.errors().startsWith("defence-line run: no tickets in "), run.errors());
        assertTrue(run.errors().contains("ignored tickets.csv (empty file)"), run.errors());
        assertEquals(1, run.errors().lines().count(), run.errors());
    }

    @Test
    void aHeaderWithoutRowsStopsWithOneLine() throws IOException {
        Run run = run("header-only");
        assertEquals(2, run.exitCode());
        assertTrue(run.errors().startsWith("defence-line run: no usable tickets in "), run.errors());
        assertTrue(run.errors().contains(": 0 rows read, 0 rejected"), run.errors());
        assertEquals(1, run.errors().lines().count(), run.errors());
    }

    @Test
    void binaryJunkStopsWithOneLine() throws IOException {
        Run run = run("binary-junk");
        assertEquals(2, run.exitCode());
        assertTrue(run.errors().startsWith("defence-line run: tickets.csv: required column"), run.errors());
        assertEquals(1, run.errors().lines().count(), run.errors());
    }
}
