package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hostile JSON corpus under src/test/resources/hostile-json/, read file by file without Spark. */
class ZendeskJsonReaderTest {

    private static final Path CORPUS = Path.of("src/test/resources/hostile-json");
    private static final Instant LATEST = Instant.parse("2027-01-01T00:00:00Z");
    private static final ParsedRows PARSED = ParsedRows.of(Source.TICKETS);

    private static List<Row> read(Path file, int maxChars) throws IOException {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        new ZendeskJsonReader(Map.of(name, 0), LATEST, maxChars).read(name, () -> Files.newInputStream(file))
                .forEachRemaining(rows::add);
        assertTrue(rows.stream().allMatch(r -> r.length() == SourceFileReader.parsedSchema(Source.TICKETS).size()));
        return rows;
    }

    private static List<Row> read(Path file) throws IOException {
        return read(file, ExportReader.DEFAULT_MAX_FIELD_SIZE);
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

    private static String get(Row row, TicketColumns column) {
        Object value = row.get(column.ordinal());
        return value == null ? null : value.toString();
    }

    private static Row ticket(List<Row> rows, String id) {
        return rows.stream().filter(r -> id.equals(get(r, TicketColumns.TICKET_ID))).findFirst().orElseThrow();
    }

    /** Line -> reason (null when used), in file order. */
    private static Map<Long, String> reasons(List<Row> rows) {
        Map<Long, String> byLine = new LinkedHashMap<>();
        rows.forEach(r -> byLine.put(line(r), reason(r)));
        return byLine;
    }

    @Test
    void rejectsEachLineWithAWrongShapeOrTypeWithItsLineAndReason() throws IOException {
        List<Row> rows = read(CORPUS.resolve("wrong-types/tickets.json"));
        Map<Long, String> reasons = reasons(rows);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L),
                List.copyOf(reasons.keySet()), "every non-blank line is one row, the blank line 7 none");
        assertNull(reasons.get(1L));
        assertEquals("not a JSON object but an array", reasons.get(2L));
        assertEquals("invalid id: expected a whole number or a string, found an object", reasons.get(3L));
        assertTrue(reasons.get(4L).startsWith("invalid created_at: '42' is not a date-time"), reasons.get(4L));
        assertNull(reasons.get(5L), "epoch seconds are a date-time");
        assertEquals("missing id", reasons.get(6L));
        assertEquals("invalid subject: expected a string, found a number", reasons.get(8L));
        assertEquals("unknown channel 'closed_ticket', expected one of [email, chat, phone, social, webform]",
                reasons.get(9L));
        assertNull(reasons.get(10L), "a numeric via id");
        assertTrue(reasons.get(11L).startsWith("not valid JSON: Unexpected character (','"), reasons.get(11L));
        assertEquals("not a JSON object but a string", reasons.get(12L));
        assertTrue(reasons.get(13L).startsWith("not valid JSON: Duplicate field 'id'"), reasons.get(13L));
        assertEquals("invalid comments: expected an array, found a string", reasons.get(14L));
        assertEquals("implausible created_at: 2099-01-01T00:00:00Z is in the future", reasons.get(15L));
        assertEquals("no text: [subject, body] are all empty", reasons.get(16L));
        assertTrue(reasons.get(17L).startsWith("not valid JSON: Trailing token"), reasons.get(17L));
        assertEquals("invalid via: expected an object, found a string", reasons.get(18L));
        assertEquals("invalid created_at: expected a date-time string, found a boolean", reasons.get(19L));
        assertTrue(rows.stream().allMatch(r -> reason(r) == null || raw(r) != null), "each reject keeps its line");
        assertTrue(rows.stream().allMatch(r -> reason(r) == null || !reason(r).contains("\n")), "one-line reasons");

        Row epoch = ticket(rows, "205");
        assertEquals(Timestamp.from(Instant.ofEpochSecond(1762074000)), epoch.get(TicketColumns.CREATED_AT.ordinal()));
        assertEquals("email", get(ticket(rows, "210"), TicketColumns.CHANNEL));
        assertEquals("9001", get(ticket(rows, "201"), TicketColumns.CUSTOMER_ID));
    }

    @Test
    void aTruncatedLastLineIsRejectedOnItsLine() throws IOException {
        List<Row> rows = read(CORPUS.resolve("truncated/tickets.json"));
        assertEquals(3, rows.size());
        assertNull(reason(rows.get(0)));
        assertNull(reason(rows.get(1)));
        assertEquals(3, line(rows.get(2)));
        assertEquals("truncated: the line ends inside a JSON value", reason(rows.get(2)));
        assertTrue(raw(rows.get(2)).startsWith("{\"url\": \"https://shop.zendesk.com/api/v2/tickets/103.json\""));
    }

    @Test
    void invalidUtf8RejectsOnlyItsLine() throws IOException {
        List<Row> rows = read(CORPUS.resolve("invalid-utf8/tickets.json"));
        Map<Long, String> reasons = reasons(rows);
        assertNull(reasons.get(1L));
        assertTrue(reasons.get(2L).startsWith("invalid UTF-8: byte 0xff at byte "), reasons.get(2L));
        assertNull(reasons.get(3L));
        assertEquals("Wij hebben één vraag", get(ticket(rows, "303"), TicketColumns.SUBJECT));
        assertTrue(reasons.get(4L).startsWith("invalid UTF-8: byte 0xc3 at byte "), reasons.get(4L));
    }

    @Test
    void bodyIsTheRequestersPublicTextNeverInternalNotesOrAgents() throws IOException {
        List<Row> rows = read(CORPUS.resolve("conversations/tickets.json"));
        assertTrue(rows.stream().allMatch(r -> reason(r) == null), rows.toString());
        for (Row row : rows) {
            String body = String.valueOf(get(row, TicketColumns.BODY));
            for (String agentsOnly : List.of("INTERN", "Privé", "Klant belde", "Interne notitie", "Notitie van agent",
                    "ordernummer sturen", "PostNL.", "opnieuw verstuurd")) {
                assertTrue(!body.contains(agentsOnly), agentsOnly + " in body of " + get(row, TicketColumns.TICKET_ID));
            }
        }
        Row described = ticket(rows, "401");
        assertEquals("Mijn pakket is nog steeds niet bezorgd.", get(described, TicketColumns.BODY));
        assertEquals(Timestamp.from(Instant.parse("2026-11-02T10:00:00Z")),
                described.get(TicketColumns.FIRST_RESPONSE_AT.ordinal()), "the public reply, not the internal note");
        Row emptyDescription = ticket(rows, "402");
        assertEquals("Mijn bestelling NL-1234 is niet aangekomen.", get(emptyDescription, TicketColumns.BODY));
        assertEquals(Timestamp.from(Instant.parse("2026-11-02T09:15:00Z")),
                emptyDescription.get(TicketColumns.FIRST_RESPONSE_AT.ordinal()));
        Row byPhone = ticket(rows, "403");
        assertEquals("Ik wacht nog steeds op mijn retourlabel.", get(byPhone, TicketColumns.BODY),
                "the agent's opening comment is not the customer's text");
        assertEquals("phone", get(byPhone, TicketColumns.CHANNEL));
        assertEquals(Timestamp.from(Instant.parse("2026-11-03T12:00:00Z")),
                byPhone.get(TicketColumns.FIRST_RESPONSE_AT.ordinal()), "the opening comment is no response");
        assertNull(get(ticket(rows, "404"), TicketColumns.BODY), "a private first comment is no body");
        assertEquals("Retour", get(ticket(rows, "404"), TicketColumns.SUBJECT));
        assertNull(get(ticket(rows, "406"), TicketColumns.BODY), "is_public false without comments");
        Row solved = ticket(rows, "405");
        assertEquals("Waar blijft mijn pakket?", get(solved, TicketColumns.BODY), "no comments: the description");
        assertEquals(Timestamp.from(Instant.parse("2026-11-04T16:00:00Z")), solved.get(TicketColumns.RESOLVED_AT.ordinal()));
        assertNull(solved.get(TicketColumns.FIRST_RESPONSE_AT.ordinal()));
        assertEquals(Timestamp.from(Instant.parse("2026-11-05T10:30:00Z")),
                ticket(rows, "407").get(TicketColumns.RESOLVED_AT.ordinal()), "metric_set.solved_at before updated_at");
        assertNull(ticket(rows, "401").get(TicketColumns.RESOLVED_AT.ordinal()), "an open ticket");
        assertNull(ticket(rows, "401").get(TicketColumns.ORDER_ID.ordinal()));
    }

    @Test
    void aRejectedTicketKeepsItsFieldsButNotItsCommentsInTheRejects(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tickets.json"), "{\"id\": 9, \"created_at\": \"2026-11-02T10:00:00Z\", "
                + "\"via\": {\"channel\": \"rule\"}, \"subject\": \"Follow-up\", \"requester_id\": 1, \"comments\": ["
                + "{\"author_id\": 2, \"public\": false, \"plain_body\": \"INTERN: klant is lastig\"}]}\n"
                + "{\"id\": 10, \"subject\": \"" + "y".repeat(3000) + "\", \"comments\": [{\"plain_body\": \"INTERN\"}]\n");
        List<Row> rows = read(file);
        assertTrue(reason(rows.get(0)).startsWith("unknown channel 'rule'"), reason(rows.get(0)));
        assertTrue(raw(rows.get(0)).contains("\"subject\":\"Follow-up\""), raw(rows.get(0)));
        assertTrue(raw(rows.get(0)).contains("\"comments\":\"1 comments left out\""), raw(rows.get(0)));
        assertTrue(!raw(rows.get(0)).contains("INTERN"), raw(rows.get(0)));
        assertEquals("truncated: the line ends inside a JSON value", reason(rows.get(1)));
        assertEquals(1003, raw(rows.get(1)).length(), "an unparseable line keeps only its start");
        assertTrue(!raw(rows.get(1)).contains("INTERN"));
    }

    @Test
    void readsPrettyPrintedAndCompactExportPages() throws IOException {
        List<Row> pretty = read(CORPUS.resolve("pages/tickets-page-1.json"));
        assertEquals(List.of(3L, 35L, 36L), pretty.stream().map(ZendeskJsonReaderTest::line).toList(),
                "each ticket on the line its object starts");
        assertEquals("not a JSON object but a number", reason(pretty.get(1)));
        assertEquals("Levering te laat", get(pretty.get(2), TicketColumns.SUBJECT));

        List<Row> compact = read(CORPUS.resolve("pages/tickets-page-2.json"));
        assertEquals(List.of(1L, 1L, 1L, 1L), compact.stream().map(ZendeskJsonReaderTest::line).toList());
        assertEquals("duplicate ticket_id '503': replaced by a later copy on the same line", reason(compact.get(0)));
        assertNull(reason(compact.get(2)));
        assertEquals("Nieuwe versie", get(compact.get(2), TicketColumns.SUBJECT));
    }

    @Test
    void aRecordLongerThanTheMaximumIsRejectedAndReadingResumes(@TempDir Path dir) throws IOException {
        String good = "{\"id\": 1, \"created_at\": \"2026-11-02T10:00:00Z\", \"via\": {\"channel\": \"web\"}, \"subject\": \"Kort\"}";
        String longOne = good.replace("\"id\": 1", "\"id\": 2").replace("\"Kort\"", "\"" + "x".repeat(5000) + "\"");
        Path lines = Files.writeString(dir.resolve("tickets.json"), good + "\n" + longOne + "\n" + good.replace("\"id\": 1", "\"id\": 3") + "\n");
        List<Row> rows = read(lines, 2000);
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(ZendeskJsonReaderTest::line).toList());
        assertTrue(reason(rows.get(1)).startsWith("longer than 2000 characters"), reason(rows.get(1)));
        assertTrue(raw(rows.get(1)).length() <= 203, "only the start is kept");
        assertNull(reason(rows.get(2)));

        Path page = Files.writeString(dir.resolve("page.json"),
                "{\"tickets\": [\n" + good + ",\n" + longOne + ",\n" + good.replace("\"id\": 1", "\"id\": 3") + "\n], \"end_of_stream\": true}\n");
        List<Row> inPage = read(page, 2000);
        assertEquals(List.of(2L, 3L, 4L), inPage.stream().map(ZendeskJsonReaderTest::line).toList());
        assertTrue(reason(inPage.get(1)).startsWith("longer than 2000 characters"), reason(inPage.get(1)));
        assertNull(reason(inPage.get(2)));
    }

    @Test
    void aTenMegabyteDescriptionIsStreamedPastAndTakenWhenTheMaximumAllows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tickets.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String head = "{\"id\": %d, \"created_at\": \"2026-11-02T10:00:00Z\", \"via\": {\"channel\": \"email\"}, "
                    + "\"subject\": \"Klacht\", \"description\": \"";
            out.write(String.format(head, 1) + "kort\"}\n");
            out.write(String.format(head, 2));
            char[] block = "Mijn pakket is kwijt. ".repeat(1000).toCharArray();
            for (int written = 0; written < 10 * 1024 * 1024; written += block.length) {
                out.write(block);
            }
            out.write("\"}\n");
            out.write(String.format(head, 3) + "ook kort\"}\n");
        }
        List<Row> rows = read(file);
        assertEquals(List.of(1L, 2L, 3L), rows.stream().map(ZendeskJsonReaderTest::line).toList());
        assertEquals("longer than " + ExportReader.DEFAULT_MAX_FIELD_SIZE + " characters", reason(rows.get(1))
                .substring(0, ("longer than " + ExportReader.DEFAULT_MAX_FIELD_SIZE + " characters").length()));
        assertTrue(raw(rows.get(1)).length() <= 203);
        assertEquals("ook kort", get(rows.get(2), TicketColumns.BODY));

        List<Row> allowed = read(file, 16 * 1024 * 1024);
        assertNull(reason(allowed.get(1)));
        assertTrue(get(allowed.get(1), TicketColumns.BODY).length() > 10 * 1024 * 1024 - 100);
    }

    @Test
    void readsGzippedFilesAndSkipsAByteOrderMark(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("tickets.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(Files.readAllBytes(CORPUS.resolve("conversations/tickets.json")));
        }
        List<Row> rows = read(gz);
        assertEquals(7, rows.size());
        assertTrue(rows.stream().allMatch(r -> reason(r) == null), rows.toString());
    }

    @Test
    void tellsPagesAndTicketLinesFromOtherJson() throws IOException {
        assertEquals(JsonRecords.Shape.PAGE, shape("pages/tickets-page-1.json"));
        assertEquals(JsonRecords.Shape.PAGE, shape("pages/tickets-page-2.json"));
        assertEquals(JsonRecords.Shape.TICKET_LINES, shape("conversations/tickets.json"));
        assertEquals(JsonRecords.Shape.OTHER, sniff("{\"users\": [{\"id\": 1, \"name\": \"Anna\"}]}"));
        assertEquals(JsonRecords.Shape.OTHER, sniff("[{\"id\": 1}]"));
        assertEquals(JsonRecords.Shape.EMPTY, sniff(" \n\n"));
        assertEquals(JsonRecords.Shape.PAGE, sniff("{\"after_cursor\": \"a\\\"b\", \"tickets\": []}"));
    }

    private static JsonRecords.Shape shape(String file) throws IOException {
        try (var in = Files.newInputStream(CORPUS.resolve(file))) {
            return JsonRecords.sniff(JsonRecords.decoded(in));
        }
    }

    private static JsonRecords.Shape sniff(String json) throws IOException {
        return JsonRecords.sniff(JsonRecords.decoded(new java.io.ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8))));
    }
}
