package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Zendesk JSON exports through ExportReader: the same accounting, rejects and duplicate rule as CSV exports. */
@ExtendWith(SharedSpark.class)
class ExportReaderJsonTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile-json");
    private static final Instant LATEST = Instant.parse("2027-01-01T00:00:00Z");

    private static Ingested read(SparkSession spark, Path folder) {
        ExportFolder export = ExportFolder.open(folder.toString(), new Configuration(), null);
        Ingested tickets = new ExportReader(spark, ZoneId.of("Europe/Amsterdam"), LATEST,
                ExportReader.DEFAULT_MAX_FIELD_SIZE).read(export, Source.TICKETS);
        assertEquals(tickets.read(), tickets.used() + tickets.rejected(), "rows read = used + rejected");
        assertEquals(tickets.used(), tickets.rows().count());
        assertEquals(tickets.rejected(), tickets.rejects().count());
        return tickets;
    }

    /** "file:line" -> reason, sorted. */
    private static Map<String, String> rejects(Ingested tickets) {
        return tickets.rejects().collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs(IngestColumns.FILE.column()) + ":" + r.getAs(IngestColumns.LINE.column()),
                r -> r.getAs(IngestColumns.REJECT_REASON.column()), (a, b) -> a + " | " + b, TreeMap::new));
    }

    /** ticket_id -> subject of the used rows. */
    private static Map<String, String> subjects(Ingested tickets) {
        return tickets.rows().collectAsList().stream().collect(Collectors.toMap(
                r -> r.getAs(TicketColumns.TICKET_ID.header()), r -> r.getAs(TicketColumns.SUBJECT.header()),
                (a, b) -> a + " | " + b, TreeMap::new));
    }

    @Test
    void theLatestFileWinsADuplicateIdAcrossJsonAndCsvFiles(SparkSession spark) {
        Ingested tickets = read(spark, CORPUS.resolve("duplicate-ids"));
        assertEquals(5, tickets.read());
        assertEquals(Map.of(
                "tickets-2026-11-01.json:2", "duplicate ticket_id '602': replaced by tickets-2026-11-02.json line 1",
                "tickets-2026-11-02.json:2", "duplicate ticket_id '603': replaced by tickets-2026-11-03.csv line 2"),
                rejects(tickets));
        assertEquals(Map.of("601", "Vraag over bestelling", "602", "Tweede export", "603", "Uit CSV"), subjects(tickets));
        assertEquals(List.of("tickets-2026-11-01.json (zendesk-json)", "tickets-2026-11-02.json (zendesk-json)",
                "tickets-2026-11-03.csv (canonical)"), tickets.files());
    }

    @Test
    void pagesAreAccountedForTicketByTicket(SparkSession spark) {
        Ingested tickets = read(spark, CORPUS.resolve("pages"));
        assertEquals(7, tickets.read());
        assertEquals(Map.of(
                "tickets-page-1.json:35", "not a JSON object but a number",
                "tickets-page-1.json:36", "duplicate ticket_id '502': replaced by tickets-page-2.json line 1",
                "tickets-page-2.json:1", "duplicate ticket_id '503': replaced by a later copy on the same line"),
                rejects(tickets));
        assertEquals(Map.of("501", "Verkeerde maat", "502", "Levering te laat (bijgewerkt)", "503", "Nieuwe versie",
                "504", "Vraag over bestelling"), subjects(tickets));
    }

    @Test
    void everyHostileLineIsOneRowReadAndEachRejectHasItsLine(SparkSession spark) {
        Ingested wrongTypes = read(spark, CORPUS.resolve("wrong-types"));
        assertEquals(18, wrongTypes.read(), "19 lines, one blank");
        assertEquals(3, wrongTypes.used());
        assertEquals(List.of(2L, 3L, 4L, 6L, 8L, 9L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L),
                wrongTypes.rejects().collectAsList().stream().map(r -> (Long) r.getAs(IngestColumns.LINE.column()))
                        .sorted().toList());
        assertTrue(wrongTypes.rejects().collectAsList().stream()
                .allMatch(r -> r.getAs(IngestColumns.RAW.column()) != null));

        Ingested truncated = read(spark, CORPUS.resolve("truncated"));
        assertEquals(Map.of("tickets.json:3", "truncated: the line ends inside a JSON value"), rejects(truncated));

        Ingested utf8 = read(spark, CORPUS.resolve("invalid-utf8"));
        assertEquals(List.of("tickets.json:2", "tickets.json:4"), List.copyOf(rejects(utf8).keySet()));
        assertEquals(2, utf8.used());
    }

    @Test
    void aTenMegabyteLineIsRejectedAndTheNextLineRead(SparkSession spark, @TempDir Path dir) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("tickets.json"), StandardCharsets.UTF_8)) {
            String head = "{\"id\": %d, \"created_at\": \"2026-11-02T10:00:00Z\", \"via\": {\"channel\": \"chat\"}, "
                    + "\"subject\": \"Vraag\", \"description\": \"";
            out.write(String.format(head, 1) + "kort\"}\n" + String.format(head, 2));
            String block = "Waar blijft mijn bestelling? ".repeat(1000);
            for (int written = 0; written < 10 * 1024 * 1024; written += block.length()) {
                out.write(block);
            }
            out.write("\"}\n" + String.format(head, 3) + "ook kort\"}\n");
        }
        Ingested tickets = read(spark, dir);
        assertEquals(3, tickets.read());
        Map<String, String> rejects = rejects(tickets);
        assertEquals(List.of("tickets.json:2"), List.copyOf(rejects.keySet()));
        assertTrue(rejects.get("tickets.json:2").startsWith("longer than 4194304 characters"), rejects.toString());
        assertEquals(Map.of("1", "Vraag", "3", "Vraag"), subjects(tickets));
        Row reject = tickets.rejects().first();
        assertTrue(reject.<String>getAs(IngestColumns.RAW.column()).length() <= 203, "the rejects hold only its start");
    }
}
