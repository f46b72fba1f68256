package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large CSV file read in pieces by several tasks (a split size of a few dozen bytes here) gives the same used rows,
 * rejects and line numbers as read whole, with quoted fields whose line breaks straddle the cuts.
 */
@ExtendWith(SharedSpark.class)
class ExportReaderPiecesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant LATEST = Instant.parse("2026-12-01T00:00:00Z");
    private static final long TINY = 64;

    @TempDir
    Path dir;

    /** Forty tickets: e-mails with multi-line quoted bodies, a bad date, a short row, a duplicate id. */
    private static String tickets(String delimiter, String newline) {
        StringBuilder csv = new StringBuilder(String.join(delimiter, "ticket_id", "created_at", "channel", "subject",
                "body", "customer_id", "order_id")).append(newline);
        for (int i = 1; i <= 40; i++) {
            String id = i == 33 ? "T7" : "T" + i;
            String created = i == 12 ? "gisteren" : "2026-11-0" + (1 + i % 9) + " 1" + (i % 10) + ":00";
            String body = i % 3 == 0
                    ? "\"Beste,\n\nwaar blijft \"\"pakket " + i + "\"\"?" + delimiter + " café\n\nGroet\""
                    : "kort bericht " + i;
            if (i == 20) {
                csv.append(String.join(delimiter, id, created, "chat")).append(newline);
                continue;
            }
            csv.append(String.join(delimiter, id, created, i % 2 == 0 ? "email" : "chat", "onderwerp", body, "C" + i,
                    "NL" + i)).append(newline);
        }
        return csv.toString();
    }

    private Ingested read(SparkSession spark, long splitBytes) {
        ExportFolder folder = ExportFolder.openTickets(dir.toString(), spark.sparkContext().hadoopConfiguration());
        Ingested tickets = new ExportReader(spark, AMSTERDAM, LATEST, ExportReader.DEFAULT_MAX_FIELD_SIZE, splitBytes)
                .read(folder, Source.TICKETS);
        assertEquals(tickets.read(), tickets.used() + tickets.rejected(), "rows read = used + rejected");
        assertEquals(tickets.used(), tickets.rows().count(), "used rows");
        assertEquals(tickets.rejected(), tickets.rejects().count(), "rejected rows");
        return tickets;
    }

    private int tasks(SparkSession spark, long splitBytes) throws IOException {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf =
                context.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
        ExportFolder folder = ExportFolder.openTickets(dir.toString(), spark.sparkContext().hadoopConfiguration());
        return FilePieces.plan(context, conf, folder.files(Source.TICKETS), Source.TICKETS, splitBytes).size();
    }

    private static List<String> used(Ingested tickets) {
        return tickets.rows().collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static List<String> rejects(Ingested tickets) {
        return tickets.rejects().collectAsList().stream()
                .sorted(Comparator.comparing(r -> r.<Long>getAs(IngestColumns.LINE.column())))
                .map(r -> r.getAs(IngestColumns.LINE.column()) + " " + r.getAs(IngestColumns.REJECT_REASON.column()))
                .toList();
    }

    private void assertPiecesReadAsWhole(SparkSession spark) throws IOException {
        assertTrue(tasks(spark, TINY) > 10, "tasks: " + tasks(spark, TINY));
        assertEquals(1, tasks(spark, Long.MAX_VALUE));
        Ingested whole = read(spark, Long.MAX_VALUE);
        Ingested pieces = read(spark, TINY);
        assertEquals(40, whole.read());
        assertEquals(whole.read(), pieces.read());
        assertEquals(whole.rejected(), pieces.rejected());
        assertEquals(used(whole), used(pieces));
        assertEquals(rejects(whole), rejects(pieces));
    }

    @Test
    void aFileReadInPiecesGivesTheRowsAndRejectLinesOfTheWholeFile(SparkSession spark) throws IOException {
        Files.writeString(dir.resolve("tickets.csv"), tickets(",", "\n"), StandardCharsets.UTF_8);
        assertPiecesReadAsWhole(spark);
        Ingested tickets = read(spark, TINY);
        // Header line 1; every third ticket takes five lines: ticket 12 (the bad date) starts on line 25, 20 on 45.
        List<String> rejects = rejects(tickets);
        assertEquals(3, rejects.size(), rejects.toString());
        assertTrue(rejects.get(0).startsWith("16 duplicate ticket_id 'T7': replaced by tickets.csv line "),
                rejects.get(0));
        assertTrue(rejects.get(1).startsWith("25 invalid created_at: 'gisteren'"), rejects.get(1));
        assertEquals("45 has 3 fields, the header has 7", rejects.get(2));
    }

    @Test
    void aWindows1252SemicolonFileWithCrLfIsReadInPiecesToo(SparkSession spark) throws IOException {
        Files.write(dir.resolve("tickets.csv"), tickets(";", "\r\n").getBytes(Charset.forName("windows-1252")));
        assertPiecesReadAsWhole(spark);
        assertTrue(used(read(spark, TINY)).stream().anyMatch(row -> row.contains("café")));
    }

    @Test
    void aGzippedFileIsReadWholeByOneTask(SparkSession spark) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("tickets.csv.gz")))) {
            out.write(tickets(",", "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, tasks(spark, TINY));
        assertEquals(40, read(spark, TINY).read());
        assertTrue(used(read(spark, TINY)).stream().anyMatch(row -> row.contains("waar blijft \"pakket 3\"?")));
    }
}
