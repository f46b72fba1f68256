package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SourceFileReaderTest {

    private static final String HEADER = "ticket_id,created_at,channel,subject,body,customer_id,order_id\n";
    private static final ParsedRows PARSED = ParsedRows.of(Source.TICKETS);

    private static List<Row> read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Row> read(byte[] bytes) throws IOException {
        Iterator<Row> rows = new SourceFileReader(Source.TICKETS, ZoneId.of("Europe/Amsterdam"),
                Map.of("tickets.csv", new SourceFileReader.FileInput(ColumnMapping.canonical(), 0)),
                Instant.parse("2027-01-01T00:00:00Z"), ExportReader.DEFAULT_MAX_FIELD_SIZE)
                .read("tickets.csv", () -> new ByteArrayInputStream(bytes));
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        return all;
    }

    private static String reason(Row row) {
        return PARSED.reason(row);
    }

    private static long line(Row row) {
        return PARSED.line(row);
    }

    @Test
    void readsTypedValuesAndKeepsTheLineNumber() throws IOException {
        List<Row> rows = read(HEADER + "T1,2026-11-02 10:00:00,E-mail,Levering,Waar is mijn pakket?,C1,NL1\n");
        assertEquals(1, rows.size());
        Row row = rows.get(0);
        assertNull(reason(row));
        assertEquals(2, line(row));
        assertEquals("T1", row.getString(TicketColumns.TICKET_ID.ordinal()));
        assertEquals("email", row.getString(TicketColumns.CHANNEL.ordinal()));
        assertNull(row.get(TicketColumns.SKU.ordinal()));
    }

    @Test
    void rejectsEachBadRowWithItsLineAndReason() throws IOException {
        List<Row> rows = read(HEADER
                + "T1,gisteren,email,s,b,C1,NL1\n"
                + "T2,2026-11-02 10:00,fax,s,b,C1,NL1\n"
                + ",2026-11-02 10:00,email,s,b,C1,NL1\n"
                + "T4,2026-11-02 10:00,email\n"
                + "T5,2026-11-02 10:00,chat,,,C1,NL1\n"
                + "T6,2026-11-02 10:00,chat,,fine,C1,\n");
        assertEquals(6, rows.size());
        assertTrue(reason(rows.get(0)).startsWith("invalid created_at: 'gisteren' is not a date-time"));
        assertEquals("unknown channel 'fax', expected one of [email, chat, phone, social, webform]", reason(rows.get(1)));
        assertEquals("missing value for ticket_id", reason(rows.get(2)));
        assertEquals("has 3 fields, the header has 7", reason(rows.get(3)));
        assertTrue(reason(rows.get(4)).startsWith("no text"));
        assertNull(reason(rows.get(5)));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), rows.stream().map(SourceFileReaderTest::line).toList());
    }

    @Test
    void countsLinesOfQuotedMultiLineFields() throws IOException {
        List<Row> rows = read(HEADER
                + "T1,2026-11-02 10:00,email,s,\"Beste,\n\nwaar is mijn pakket?\n\nGroet\",C1,NL1\n"
                + "T2,bad,email,s,b,C1,NL1\n");
        assertEquals(2, line(rows.get(0)));
        assertEquals(7, line(rows.get(1)));
        assertEquals("Beste,\n\nwaar is mijn pakket?\n\nGroet", rows.get(0).getString(TicketColumns.BODY.ordinal()));
    }

    @Test
    void matchesHeadersCaseInsensitivelyAndSkipsAByteOrderMark() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = ("Ticket_ID,Created_At,CHANNEL,Subject,Body,Customer_Id,Order_Id\n"
                + "T1,2026-11-02 10:00,chat,s,b,C1,NL1\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(csv, 0, bytes, bom.length, csv.length);
        List<Row> rows = read(bytes);
        assertNull(reason(rows.get(0)));
        assertEquals("T1", rows.get(0).getString(TicketColumns.TICKET_ID.ordinal()));
    }

    @Test
    void rejectsOnlyTheLineWithAnUnbalancedQuoteAndReadsOn() throws IOException {
        List<Row> rows = read(HEADER + "T1,2026-11-02 10:00,chat,s,b,C1,NL1\n"
                + "T2,2026-11-02 10:00,chat,s,\"open quote,C1,NL1\n"
                + "T3,2026-11-02 10:00,chat,s,b,C1,NL1\n");
        assertEquals(3, rows.size());
        assertNull(reason(rows.get(0)));
        assertEquals(3, line(rows.get(1)));
        assertTrue(reason(rows.get(1)).startsWith("malformed CSV"), reason(rows.get(1)));
        assertEquals("T2,2026-11-02 10:00,chat,s,\"open quote,C1,NL1", PARSED.raw(rows.get(1)));
        assertNull(reason(rows.get(2)));
        assertEquals(4, line(rows.get(2)));
        assertEquals("T3", rows.get(2).getString(TicketColumns.TICKET_ID.ordinal()));
    }

    /** Regression: the line was the parser's count after the previous record, the first empty line before it. */
    @Test
    void aRecordAfterEmptyLinesHasTheLineItStartsOn() throws IOException {
        List<Row> rows = read(HEADER + "T1,2026-11-02 10:00,chat,s,\"two\nlines\",C1,NL1\n\n\r\n"
                + "T2,gisteren,chat,s,b,C1,NL1\n\nT3,2026-11-02 10:00,chat,s,b,C1,NL1\n");
        assertEquals(List.of(2L, 6L, 8L), rows.stream().map(SourceFileReaderTest::line).toList());
        assertTrue(reason(rows.get(1)).startsWith("invalid created_at"), reason(rows.get(1)));
    }

    @Test
    void rejectsImplausibleDates() throws IOException {
        List<Row> rows = read(HEADER + "T1,2099-01-01 10:00,chat,s,b,C1,NL1\nT2,1970-01-01 00:00,chat,s,b,C1,NL1\n");
        assertTrue(reason(rows.get(0)).endsWith("is in the future"), reason(rows.get(0)));
        assertTrue(reason(rows.get(1)).endsWith("is before 2000"), reason(rows.get(1)));
    }

    @Test
    void replacesControlCharactersInText() throws IOException {
        List<Row> rows = read(HEADER + "T1,2026-11-02 10:00,chat,s,a\u0000b\u0007c,C1,NL1\n");
        assertEquals("a b c", rows.get(0).getString(TicketColumns.BODY.ordinal()));
    }

    @Test
    void readsSemicolonsAndWindows1252() throws IOException {
        byte[] bytes = (HEADER.replace(',', ';') + "T1;02-11-2026 10:00;telefoon;Levering;Wij hebben één vraag;C1;NL1\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Row row = read(bytes).get(0);
        assertNull(reason(row));
        assertEquals("Wij hebben één vraag", row.getString(TicketColumns.BODY.ordinal()));
        assertEquals("phone", row.getString(TicketColumns.CHANNEL.ordinal()));
    }

    @Test
    void readsGzip() throws IOException {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write((HEADER + "T1,2026-11-02 10:00,chat,s,b,C1,NL1\r\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("T1", read(zipped.toByteArray()).get(0).getString(TicketColumns.TICKET_ID.ordinal()));
    }

    @Test
    void namesTheFileAndColumnWhenARequiredColumnIsMissing() {
        UserError e = assertThrows(UserError.class, () -> HeaderMapping.of(Source.TICKETS, ColumnMapping.canonical(),
                "tickets.csv", List.of("ticket_id", "channel", "subject", "body", "customer_id", "order_id")));
        assertTrue(e.getMessage().startsWith("tickets.csv: required column created_at is missing"), e.getMessage());
        assertEquals(2, e.exitCode());
    }
}
