package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.defenceline.SharedSpark;
import nl.defenceline.cli.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus under src/test/resources/hostile/: each case's files next to a valid returns and stock
 * file, run through the CLI. The run completes with every bad row rejected and accounted for, or stops with one line and
 * exit code 2 when nothing usable is left.
 */
@ExtendWith(SharedSpark.class)
class HostileExportsTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile");

    @TempDir
    Path work;

    private String errors;
    private String lastCase;

    @BeforeEach
    void sessionIsUp(SparkSession spark) {
        // The CLI reuses the suite's session.
    }

    /** An export folder with the case's files next to the valid base files. */
    private Path exportOf(String hostileCase, String folder) throws IOException {
        Path input = work.resolve(folder);
        Files.createDirectories(input);
        for (Path dir : List.of(CORPUS.resolve("_base"), CORPUS.resolve(hostileCase))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.copy(file, input.resolve(file.getFileName()));
                }
            }
        }
        return input;
    }

    private int run(String hostileCase, String... extra) throws IOException {
        lastCase = hostileCase;
        Path input = exportOf(hostileCase, hostileCase);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("run", "--input", input.toString(), "--output", output().toString(),
                "--max-reject-share", "1"), Stream.of(extra)).toArray(String[]::new);
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        errors = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("defence-line run:"))
                .reduce("", (a, b) -> a + b + "\n");
        return code;
    }

    private Path output() {
        return work.resolve("out-" + lastCase);
    }

    /** Tickets read, used and rejected from run-summary.json, checking read = used + rejected. */
    private List<Long> ticketCounts() throws IOException {
        JsonNode tickets = new ObjectMapper().readTree(output().resolve(AnalysisJob.RUN_SUMMARY).toFile())
                .get("inputs").get("tickets.csv");
        long read = tickets.get("rows_read").asLong();
        long used = tickets.get("rows_used").asLong();
        long rejected = tickets.get("rows_rejected").asLong();
        assertEquals(read, used + rejected, "rows read = used + rejected");
        return List.of(read, used, rejected);
    }

    private List<CSVRecord> rejects() throws IOException {
        try (Reader in = Files.newBufferedReader(output().resolve("rejects/tickets.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private void assertRejected(int line, String reasonStart) throws IOException {
        assertTrue(rejects().stream().anyMatch(r -> r.get("line").equals(String.valueOf(line))
                        && r.get("reason").startsWith(reasonStart)),
                "line " + line + " rejected with '" + reasonStart + "' in " + rejects());
    }

    @Test
    void truncatedFile() throws IOException {
        assertEquals(0, run("truncated"), errors);
        assertEquals(List.of(3L, 2L, 1L), ticketCounts());
        assertRejected(4, "malformed CSV");
    }

    @Test
    void unbalancedQuoteRejectsOnlyItsLine() throws IOException {
        assertEquals(0, run("unbalanced-quote"), errors);
        assertEquals(3, (long) ticketCounts().get(1), "rows before and after the bad line are used");
        assertRejected(3, "malformed CSV");
    }

    @Test
    void tooManyAndTooFewFields() throws IOException {
        assertEquals(0, run("field-count"), errors);
        assertEquals(2, (long) ticketCounts().get(2));
        assertRejected(3, "has 10 fields, the header has 8");
        assertRejected(4, "has 3 fields, the header has 8");
    }

    @Test
    void emptyFileStopsWithOneLine() throws IOException {
        assertEquals(2, run("empty"));
        assertTrue(errors.startsWith("defence-line run: tickets.csv is missing from input folder"), errors);
        assertTrue(errors.contains("tickets.csv=empty file"), errors);
        assertEquals(1, errors.lines().count());
    }

    @Test
    void headerOnlyStopsWithOneLine() throws IOException {
        assertEquals(2, run("header-only"));
        assertTrue(errors.startsWith("defence-line run: no usable tickets in "), errors);
    }

    @Test
    void binaryJunkStopsWithOneLine() throws IOException {
        assertEquals(2, run("binary-junk"));
        assertTrue(errors.startsWith("defence-line run: tickets.csv: required column"), errors);
        assertEquals(1, errors.lines().count());
    }

    @Test
    void tenMegabyteFieldInAGzippedFile() throws IOException {
        assertEquals(0, run("huge-field"), errors);
        assertEquals(List.of(3L, 0L), ticketCounts().subList(1, 3));
    }

    @Test
    void controlCharactersAreCleanedNotFatal() throws IOException {
        assertEquals(0, run("control-chars"), errors);
        assertEquals(2, (long) ticketCounts().get(1));
    }

    @Test
    void datesInTheFutureAndFarPastAreRejected() throws IOException {
        assertEquals(0, run("implausible-dates"), errors);
        assertRejected(3, "implausible created_at: 2099-01-01 10:00:00 is in the future");
        assertRejected(4, "implausible created_at: 1970-01-01 00:00:00 is before 2000");
    }

    @Test
    void unknownChannelIsRejectedAndPlatformNamesAreRecognised() throws IOException {
        assertEquals(0, run("unknown-channel"), errors);
        assertEquals(2, (long) ticketCounts().get(1), "'Phone call (incoming)' is phone");
        assertRejected(3, "unknown channel 'fax'");
    }

    @Test
    void duplicateIdsCountOnceAndTheLatestExportWins() throws IOException {
        assertEquals(0, run("duplicate-ids"), errors);
        assertEquals(List.of(5L, 3L, 2L), ticketCounts());
        assertTrue(rejects().stream().allMatch(r -> r.get("file").equals("tickets-2026-11-01.csv")
                && r.get("reason").equals("duplicate ticket_id 'T2': replaced by tickets-2026-11-02.csv line 2")), rejects().toString());
    }

    @Test
    void windows1252WithSemicolonsAndDayFirstDates() throws IOException {
        assertEquals(0, run("windows-1252-semicolon"), errors);
        assertEquals(List.of(1L, 1L, 0L), ticketCounts());
    }

    @Test
    void byteOrderMarkCrlfAndMultiLineFields() throws IOException {
        assertEquals(0, run("bom-crlf-multiline"), errors);
        assertEquals(List.of(2L, 2L), ticketCounts().subList(0, 2));
    }

    @Test
    void tooManyRejectsFinishesWithExitCodeThree() throws IOException {
        lastCase = "field-count";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path input = exportOf("field-count", "field-count-strict");
        int code = Main.run(new String[] {"run", "--input", input.toString(), "--output", output().toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("too many rejected rows: {tickets.csv=0.5}"));
        assertTrue(Files.exists(output().resolve("complaint-sources.csv")), "reports are written first");
    }
}
