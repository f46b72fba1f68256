package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records longer than the maximum field size are rejected while they stream past; the rows around them are kept. */
class BoundedRecordsTest {

    private static final String HEADER = "ticket_id,created_at,channel,subject,body,customer_id,order_id\n";
    private static final ParsedRows PARSED = ParsedRows.of(Source.TICKETS);
    private static final int ONE_MIB = 1024 * 1024;

    private static String ticket(int n) {
        return "T" + n + ",2026-11-02 10:00,email,Levering,Waar is mijn pakket " + n + "?,C" + n + ",NL" + n + "\n";
    }

    private static List<Row> read(Path file, int maxFieldSize) throws IOException {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        new SourceFileReader(Source.TICKETS, ZoneId.of("Europe/Amsterdam"),
                Map.of(name, new SourceFileReader.FileInput(ColumnMapping.canonical(), 0)),
                Instant.parse("2027-01-01T00:00:00Z"), maxFieldSize)
                .read(name, () -> Files.newInputStream(file)).forEachRemaining(rows::add);
        return rows;
    }

    private static String reason(Row row) {
        return PARSED.reason(row);
    }

    private static long line(Row row) {
        return PARSED.line(row);
    }

    private static String raw(Row row) {
        return PARSED.raw(row);
    }

    private static List<Row> used(List<Row> rows) {
        return rows.stream().filter(r -> reason(r) == null).toList();
    }

    private static List<Row> rejected(List<Row> rows) {
        return rows.stream().filter(r -> reason(r) != null).toList();
    }

    @Test
    void rejectsA50MegabyteFieldBetweenGoodTicketsAndKeepsThem(@TempDir Path dir) throws IOException {
        // An e-mail with an attachment pasted in: one quoted body of 50 MB in 76-character lines.
        String attachmentLine = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n";
        int attachmentLines = 50 * ONE_MIB / attachmentLine.length();
        Path file = dir.resolve("tickets.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024);
             Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            text.write(HEADER);
            for (int n = 1; n <= 50; n++) {
                text.write(ticket(n));
            }
            text.write("T51,2026-11-02 10:00,email,Bijlage,\"");
            for (int i = 0; i < attachmentLines; i++) {
                text.write(attachmentLine);
            }
            text.write("\",C51,NL51\n");
            for (int n = 52; n <= 101; n++) {
                text.write(ticket(n));
            }
        }

        List<Row> rows = read(file, ONE_MIB);

        assertEquals(101, rows.size());
        assertEquals(100, used(rows).size());
        Row reject = rejected(rows).get(0);
        long resumedAt = 52 + attachmentLines + 1;
        assertEquals(52, line(reject));
        assertEquals("record longer than 1048576 characters (--max-field-size); skipped to line " + resumedAt,
                reason(reject));
        assertTrue(raw(reject).startsWith("T51,2026-11-02 10:00,email,Bijlage,\"QUJD"), raw(reject));
        assertTrue(raw(reject).length() <= BoundedRecordReader.PREFIX + 3, "raw has " + raw(reject).length());
        List<Row> after = used(rows).subList(50, 100);
        assertEquals("T52", after.get(0).getString(TicketColumns.TICKET_ID.ordinal()));
        assertEquals(resumedAt, line(after.get(0)));
        assertEquals(resumedAt + 49, line(after.get(49)));
        assertEquals("Waar is mijn pakket 101?", after.get(49).getString(TicketColumns.BODY.ordinal()));
    }

    /** A stray quote early in a big file: today's rule (reject its line, read on) without reading the rest as a field. */
    private static void assertStrayQuoteRejectsOnlyItsLine(Path file, int goodRows) throws IOException {
        List<Row> rows = read(file, 64 * 1024);

        assertEquals(goodRows, used(rows).size());
        assertEquals(1, rejected(rows).size());
        Row reject = rejected(rows).get(0);
        assertEquals(3, line(reject));
        assertEquals("record longer than 65536 characters (--max-field-size) and a quote in it does not close;"
                + " skipped to line 4", reason(reject));
        assertEquals("T2,2026-11-02 10:00,chat,s,\"open quote,C2,NL2", raw(reject));
        assertEquals(4, line(used(rows).get(1)));
        assertEquals(goodRows + 2, line(used(rows).get(goodRows - 1)));
    }

    @Test
    void keepsTheRowsAfterAQuoteThatNeverCloses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tickets.csv");
        int after = 100_000;
        try (Writer text = Files.newBufferedWriter(file)) {
            text.write(HEADER + ticket(1) + "T2,2026-11-02 10:00,chat,s,\"open quote,C2,NL2\n");
            for (int n = 3; n < 3 + after; n++) {
                text.write(ticket(n));
            }
        }
        assertTrue(Files.size(file) > 5 * ONE_MIB);
        assertStrayQuoteRejectsOnlyItsLine(file, 1 + after);
    }

    @Test
    void keepsTheRowsAfterAQuoteThatPairsWithALaterOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tickets.csv");
        try (Writer text = Files.newBufferedWriter(file)) {
            text.write(HEADER + ticket(1) + "T2,2026-11-02 10:00,chat,s,\"open quote,C2,NL2\n");
            for (int n = 3; n < 5_000; n++) {
                text.write(n % 2500 == 0 ? "T" + n + ",2026-11-02 10:00,chat,\"Levering, retour\",b,C,NL\n" : ticket(n));
            }
        }
        assertStrayQuoteRejectsOnlyItsLine(file, 1 + 4_997);
    }

    @Test
    void failsOnAHeaderLongerThanTheDefaultFieldSize() {
        InputStream header = new InputStream() {
            private long left = ExportReader.DEFAULT_MAX_FIELD_SIZE + 10L;

            @Override
            public int read() {
                return left-- > 0 ? 'h' : -1;
            }
        };
        UserError e = assertThrows(UserError.class, () -> SourceFileReader.readHeader("tickets.csv", header));
        assertEquals("tickets.csv: header row cannot be read as CSV: record longer than 4194304 characters",
                e.getMessage());
    }

    @Test
    void keepsRowsUpToTheLimit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tickets.csv");
        String body = "b".repeat(1000);
        String row = "T1,2026-11-02 10:00,chat,s," + body + ",C1,NL1";
        Files.writeString(file, HEADER + row + "\n" + row.replace("T1", "T2") + "b\n");

        List<Row> rows = read(file, row.length());

        assertNull(reason(rows.get(0)));
        assertEquals(body, rows.get(0).getString(TicketColumns.BODY.ordinal()));
        assertEquals("record longer than " + row.length() + " characters (--max-field-size); skipped to line 4",
                reason(rows.get(1)));
    }
}
