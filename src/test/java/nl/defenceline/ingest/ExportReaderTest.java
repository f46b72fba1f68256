package nl.defenceline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.defenceline.SharedSpark;
import nl.defenceline.UserError;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tickets of the hostile-input corpus under src/test/resources/hostile/, read as the job reads them: ExportFolder
 * picks each file's mapping, SourceFileReader turns every record into a used row or a reject with its line and reason
 * (plain Java here, as each Spark task runs it), and ExportReader adds what needs all files at once, the duplicate
 * check and the counts. What only a whole run shows (exit codes, run-summary.json) is in job.HostileExportsTest.
 */
@ExtendWith(SharedSpark.class)
class ExportReaderTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile").toAbsolutePath();
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The job's "now + 1 day", fixed so that the future is the same on every run. */
    private static final Instant LATEST = Instant.parse("2026-12-01T00:00:00Z");
    private static final ParsedRows PARSED = ParsedRows.of(Source.TICKETS);

    /** One rejected record as the rejects file lists it. */
    private record Reject(String file, long line, String reason) {
    }

    /** The tickets of a case: the used rows in file and line order, and the rejects. */
    private record Parsed(List<Row> used, List<Reject> rejects) {

        int read() {
            return used.size() + rejects.size();
        }

        List<String> usedIds() {
            return used.stream().map(r -> r.getString(TicketColumns.TICKET_ID.ordinal())).toList();
        }

        String text(String ticketId, TicketColumns column) {
            return used.stream().filter(r -> r.getString(TicketColumns.TICKET_ID.ordinal()).equals(ticketId))
                    .findFirst().orElseThrow().getString(column.ordinal());
        }
    }

    /** Parses a case's ticket files without Spark: one SourceFileReader over every file ExportFolder chose. */
    private static Parsed parse(String hostileCase) throws IOException {
        ExportFolder folder = ExportFolder.openTickets(CORPUS.resolve(hostileCase).toString(), new Configuration());
        Map<String, SourceFileReader.FileInput> inputs = new HashMap<>();
        for (ExportFolder.ExportFile file : folder.files(Source.TICKETS)) {
            inputs.put(file.name(), new SourceFileReader.FileInput(file.mapping(), file.order()));
        }
        SourceFileReader reader = new SourceFileReader(Source.TICKETS, AMSTERDAM, inputs, LATEST,
                ExportReader.DEFAULT_MAX_FIELD_SIZE);
        List<Row> used = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (ExportFolder.ExportFile file : folder.files(Source.TICKETS)) {
            Path path = Path.of(URI.create(file.path()));
            Iterator<Row> rows = reader.read(file.name(), () -> Files.newInputStream(path));
            while (rows.hasNext()) {
                Row row = rows.next();
                String reason = PARSED.reason(row);
                if (reason == null) {
                    used.add(row);
                } else {
                    rejects.add(new Reject(PARSED.file(row),
                            PARSED.line(row), reason));
                }
            }
        }
        return new Parsed(used, rejects);
    }

    /** Reads a case's tickets with Spark, as the job does, checking that its counts match its Datasets. */
    private static Ingested read(SparkSession spark, String hostileCase) {
        return read(spark, hostileCase, ExportReader.DEFAULT_MAX_FIELD_SIZE);
    }

    private static Ingested read(SparkSession spark, String hostileCase, int maxFieldSize) {
        ExportFolder folder = ExportFolder.openTickets(CORPUS.resolve(hostileCase).toString(),
                spark.sparkContext().hadoopConfiguration());
        Ingested tickets = new ExportReader(spark, AMSTERDAM, LATEST, maxFieldSize).read(folder, Source.TICKETS);
        assertEquals(tickets.read(), tickets.used() + tickets.rejected(), "rows read = used + rejected");
        assertEquals(tickets.used(), tickets.rows().count(), "used rows");
        assertEquals(tickets.rejected(), tickets.rejects().count(), "rejected rows");
        return tickets;
    }

    private static List<Reject> rejectsOf(Ingested tickets) {
        return tickets.rejects().collectAsList().stream()
                .map(r -> new Reject(r.getAs(IngestColumns.FILE.column()), r.<Long>getAs(IngestColumns.LINE.column()),
                        r.getAs(IngestColumns.REJECT_REASON.column())))
                .sorted(Comparator.comparing(Reject::file).thenComparing(Reject::line))
                .toList();
    }

    private static Instant createdAt(Row row) {
        return ((Timestamp) row.get(TicketColumns.CREATED_AT.ordinal())).toInstant();
    }

    private static void assertMalformed(Reject reject, long line) {
        assertEquals(line, reject.line(), reject.toString());
        assertTrue(reject.reason().startsWith("malformed CSV: "), reject.reason());
    }

    @Test
    void aTruncatedLastRecordIsRejectedOnItsLine() throws IOException {
        Parsed tickets = parse("truncated");
        assertEquals(3, tickets.read());
        assertEquals(List.of("T1", "T2"), tickets.usedIds());
        assertEquals(1, tickets.rejects().size());
        assertMalformed(tickets.rejects().get(0), 4);
    }

    @Test
    void anUnbalancedQuoteRejectsOnlyItsLineAndTheRowsAfterItAreUsed() throws IOException {
        Parsed tickets = parse("unbalanced-quote");
        assertEquals(4, tickets.read());
        assertEquals(List.of("T1", "T3", "T4"), tickets.usedIds());
        assertEquals(1, tickets.rejects().size());
        assertMalformed(tickets.rejects().get(0), 3);
        assertEquals(List.of(2L, 4L, 5L), tickets.used().stream()
                .map(r -> PARSED.line(r)).toList());
    }

    @Test
    void rowsWithTooManyOrTooFewFieldsAreRejected() throws IOException {
        Parsed tickets = parse("field-count");
        assertEquals(List.of("T1", "T4"), tickets.usedIds());
        assertEquals(List.of(new Reject("tickets.csv", 3, "has 10 fields, the header has 8"),
                new Reject("tickets.csv", 4, "has 3 fields, the header has 8")), tickets.rejects());
    }

    @Test
    void anEmptyFileIsIgnoredSoTheTicketsAreMissing() {
        UserError e = assertThrows(UserError.class, () -> parse("empty"));
        assertTrue(e.getMessage().startsWith("no tickets in "), e.getMessage());
        assertTrue(e.getMessage().contains("ignored tickets.csv (empty file)"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    @Test
    void aHeaderWithoutRowsReadsAsNoRows() throws IOException {
        Parsed tickets = parse("header-only");
        assertEquals(0, tickets.read());
    }

    @Test
    void binaryJunkHasNoHeaderWithTheRequiredColumns() {
        UserError e = assertThrows(UserError.class, () -> parse("binary-junk"));
        assertTrue(e.getMessage().startsWith(
                "tickets.csv: required column ticket_id, created_at, channel, customer_id are missing"), e.getMessage());
        assertEquals(2, e.exitCode());
    }

    /** By default a field stops at 4 MiB: the 10 MB row is one reject, the rows around it are kept. */
    @Test
    void aTenMegabyteFieldIsRejectedAboveTheDefaultMaximum(SparkSession spark) {
        Ingested tickets = read(spark, "huge-field");
        assertEquals(3, tickets.read());
        assertEquals(1, tickets.rejected());
        String reason = tickets.rejects().first().getString(2);
        assertTrue(reason.startsWith("record longer than 4194304 characters (--max-field-size)"), reason);
    }

    /** Through Spark, with a maximum above it: the 10 MB row is shuffled and cached like any other. */
    @Test
    void aTenMegabyteFieldInAGzippedFileIsReadWholeBelowTheMaximum(SparkSession spark) {
        Ingested tickets = read(spark, "huge-field", 16 * 1024 * 1024);
        assertEquals(3, tickets.read());
        assertEquals(0, tickets.rejected());
        int longest = tickets.rows().agg(max(length(col(TicketColumns.BODY.header())))).first().getInt(0);
        assertTrue(longest > 10_000_000, "the longest body has " + longest + " characters");
    }

    @Test
    void controlCharactersAreReplacedNotRejected() throws IOException {
        Parsed tickets = parse("control-chars");
        assertEquals(List.of("T1", "T2"), tickets.usedIds());
        assertEquals(List.of(), tickets.rejects());
        assertEquals("Waar blijft mijn pakket?", tickets.text("T1", TicketColumns.BODY));
    }

    @Test
    void datesInTheFutureAndBefore2000AreRejected() throws IOException {
        Parsed tickets = parse("implausible-dates");
        assertEquals(List.of("T1"), tickets.usedIds());
        assertEquals(List.of(
                new Reject("tickets.csv", 3, "implausible created_at: 2099-01-01 10:00:00 is in the future"),
                new Reject("tickets.csv", 4, "implausible created_at: 1970-01-01 00:00:00 is before 2000")),
                tickets.rejects());
    }

    @Test
    void anUnknownChannelIsRejectedAndAPlatformsNameForPhoneIsRecognised() throws IOException {
        Parsed tickets = parse("unknown-channel");
        assertEquals(List.of("T1", "T3"), tickets.usedIds());
        assertEquals("phone", tickets.text("T3", TicketColumns.CHANNEL), "'Phone call (incoming)' is phone");
        assertEquals(List.of(new Reject("tickets.csv", 3,
                "unknown channel 'fax', expected one of [email, chat, phone, social, webform]")), tickets.rejects());
    }

    @Test
    void aDuplicateIdCountsOnceAndTheLatestExportWins(SparkSession spark) {
        Ingested tickets = read(spark, "duplicate-ids");
        assertEquals(5, tickets.read());
        assertEquals(3, tickets.used());
        String replaced = "duplicate ticket_id 'T2': replaced by tickets-2026-11-02.csv line 2";
        assertEquals(List.of(new Reject("tickets-2026-11-01.csv", 3, replaced),
                new Reject("tickets-2026-11-01.csv", 4, replaced)), rejectsOf(tickets));
        List<Row> t2 = tickets.rows().filter(TicketColumns.TICKET_ID.header() + " = 'T2'").collectAsList();
        assertEquals(1, t2.size());
        assertEquals("Pakket is er nog steeds niet", t2.get(0).getString(TicketColumns.BODY.ordinal()));
    }

    @Test
    void windows1252WithSemicolonsAndADayFirstDate() throws IOException {
        Parsed tickets = parse("windows-1252-semicolon");
        assertEquals(List.of("T1"), tickets.usedIds());
        assertEquals(List.of(), tickets.rejects());
        Row row = tickets.used().get(0);
        assertEquals("Wij hebben één vraag over de levertijd", row.getString(TicketColumns.BODY.ordinal()));
        assertEquals("email", row.getString(TicketColumns.CHANNEL.ordinal()));
        assertEquals(Instant.parse("2026-11-02T09:00:00Z"), createdAt(row), "02-11-2026 10:00 in Amsterdam");
    }

    @Test
    void aByteOrderMarkCrlfAndMultiLineFields() throws IOException {
        Parsed tickets = parse("bom-crlf-multiline");
        assertEquals(List.of("T1", "T2"), tickets.usedIds());
        assertEquals(List.of(), tickets.rejects());
        assertEquals("Beste,\r\n\r\nWaar blijft mijn pakket?\r\n\r\nGroet", tickets.text("T1", TicketColumns.BODY));
        assertEquals(List.of(2L, 7L), tickets.used().stream()
                .map(r -> PARSED.line(r)).toList());
        assertEquals(List.of(Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T13:03:00Z")),
                tickets.used().stream().map(ExportReaderTest::createdAt).toList());
    }
}
