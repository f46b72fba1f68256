package nl.defenceline.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import nl.defenceline.schema.Channel;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads a Zendesk JSON tickets export (Admin Center's JSON export: one ticket object per line; or saved pages of the
 * incremental export API, {@code {"tickets": [...]}}) into the same rows as {@link SourceFileReader} gives for
 * tickets: typed values, or a reject reason with the raw record, with file, line and export order. Only what the
 * customer wrote becomes text: the description when the requester wrote it, else the requester's public comments;
 * internal notes and agents' comments never.
 */
public final class ZendeskJsonReader implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Source SOURCE = Source.TICKETS;
    private static final int WIDTH = SOURCE.columns().size();
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Set<String> SOLVED = Set.of("solved", "closed");
    /** Characters of an unparseable record kept in the rejects. */
    private static final int RAW_START = 1000;

    /**
     * Zendesk's numeric via ids (the API may give {@code "channel": 4} for {@code "mail"}), for the ids whose via type
     * is a customer channel; they clash with Freshdesk's source codes, so they are resolved here, not in Channel.
     */
    private static final Map<Long, String> VIA_IDS = Map.ofEntries(Map.entry(0L, "web_form"), Map.entry(4L, "mail"),
            Map.entry(5L, "web_service"), Map.entry(17L, "web_form"), Map.entry(26L, "twitter_dm"),
            Map.entry(29L, "chat"), Map.entry(30L, "twitter"), Map.entry(33L, "voicemail"),
            Map.entry(34L, "phone_call_inbound"), Map.entry(35L, "phone_call_outbound"),
            Map.entry(37L, "text_message"), Map.entry(38L, "facebook_post"), Map.entry(41L, "facebook_message"));

    /** One ticket as read: its typed values or the reason it is rejected, and its JSON object for other fields. */
    record Ticket(long line, Object[] values, String rejectReason, String raw, JsonNode json) {

        String id() {
            return values == null ? null : (String) values[TicketColumns.TICKET_ID.ordinal()];
        }
    }

    private final Map<String, Integer> fileOrders;
    private final Instant latest;
    private final int maxRecordChars;
    private transient ObjectMapper mapper;

    /**
     * @param fileOrders     per file name its export order (a later export wins a duplicate id)
     * @param latest         timestamps after this are rejected as in the future
     * @param maxRecordChars characters one ticket record (a line, or a page's ticket object) may hold; a longer one is
     *                       rejected without being held in memory
     */
    public ZendeskJsonReader(Map<String, Integer> fileOrders, Instant latest, int maxRecordChars) {
        this.fileOrders = Map.copyOf(fileOrders);
        this.latest = latest;
        this.maxRecordChars = maxRecordChars;
    }

    /** Whether the start of a file is a Zendesk tickets export (ticket lines or an incremental export page). */
    static boolean looksLikeTickets(JsonRecords.Shape shape) {
        return shape == JsonRecords.Shape.PAGE || shape == JsonRecords.Shape.TICKET_LINES;
    }

    /**
     * Streams the rows of one file, in the schema of {@link SourceFileReader#parsedSchema}; the file is closed when
     * the iterator is exhausted.
     */
    public Iterator<Row> read(String fileName, SourceFileReader.Opener opener) throws IOException {
        Integer order = fileOrders.get(fileName);
        if (order == null) {
            throw new IllegalStateException("no export order for " + fileName);
        }
        return new RowIterator(fileName, order, tickets(opener));
    }

    /** The tickets of one file, each typed or rejected, with its JSON object. */
    Iterator<Ticket> tickets(SourceFileReader.Opener opener) throws IOException {
        boolean pages;
        try (InputStream in = opener.open()) {
            pages = JsonRecords.sniff(JsonRecords.decoded(in)) == JsonRecords.Shape.PAGE;
        }
        JsonRecords records = new JsonRecords(JsonRecords.decoded(opener.open()), pages, maxRecordChars);
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more && open) {
                    open = false;
                    try {
                        records.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return more;
            }

            @Override
            public Ticket next() {
                return ticket(records.next(), pages);
            }
        };
    }

    private Ticket ticket(JsonRecords.Record record, boolean inPage) {
        if (record.bytes() == null) {
            return new Ticket(record.line(), null, record.problem(), record.head(), null);
        }
        String text;
        try {
            text = strictUtf8(record.bytes());
        } catch (RejectedTicket invalid) {
            return new Ticket(record.line(), null, invalid.getMessage(),
                    start(new String(record.bytes(), StandardCharsets.UTF_8)), null);
        }
        if (record.problem() != null) {
            return new Ticket(record.line(), null, record.problem(), start(text), null);
        }
        JsonNode json;
        try {
            json = mapper().readTree(text);
        } catch (JsonProcessingException invalid) {
            // The parser and the tree builder report an early end differently; both mean the record was cut off.
            boolean truncated = invalid instanceof JsonEOFException
                    || String.valueOf(invalid.getOriginalMessage()).contains("end-of-input");
            return new Ticket(record.line(), null, truncated
                    ? "truncated: the " + (inPage ? "ticket" : "line") + " ends inside a JSON value"
                    : "not valid JSON: " + oneLine(invalid), start(text), null);
        }
        try {
            return new Ticket(record.line(), typedValues(json, inPage), null, null, json);
        } catch (RejectedTicket rejected) {
            return new Ticket(record.line(), null, rejected.getMessage(), withoutComments(json), json);
        }
    }

    /** The ticket's values in the order of {@link TicketColumns}, or the reason it cannot be used. */
    Object[] typedValues(JsonNode json, boolean inPage) {
        if (!json.isObject()) {
            throw new RejectedTicket("not a JSON object but " + kind(json));
        }
        if (!inPage && json.get("tickets") != null && json.get("tickets").isArray()) {
            throw new RejectedTicket("an export page (\"tickets\": [...]) among ticket lines; "
                    + "keep pages and ticket lines in separate files");
        }
        Object[] values = new Object[WIDTH];
        values[TicketColumns.TICKET_ID.ordinal()] = id(json, "id", true);
        Instant created = timestamp(json.get("created_at"), "created_at", true);
        values[TicketColumns.CREATED_AT.ordinal()] = Timestamp.from(created);
        values[TicketColumns.CHANNEL.ordinal()] = channel(json.get("via"));
        String subject = text(json.get("subject"), "subject");
        values[TicketColumns.SUBJECT.ordinal()] = subject;
        String requester = id(json, "requester_id", false);
        values[TicketColumns.CUSTOMER_ID.ordinal()] = requester;
        List<Comment> comments = comments(json.get("comments"));
        String body = body(json, comments, requester);
        values[TicketColumns.BODY.ordinal()] = body;
        values[TicketColumns.FIRST_RESPONSE_AT.ordinal()] = firstResponse(comments, requester, created);
        values[TicketColumns.RESOLVED_AT.ordinal()] = resolved(json);
        if (subject == null && body == null) {
            throw new RejectedTicket("no text: [subject, body] are all empty");
        }
        return values;
    }

    /** One comment of a ticket, as far as the mapping needs it. */
    private record Comment(String author, boolean isPublic, String text, Instant createdAt) {
    }

    private List<Comment> comments(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new RejectedTicket("invalid comments: expected an array, found " + kind(node));
        }
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode comment = node.get(i);
            String path = "comments[" + i + "]";
            if (!comment.isObject()) {
                throw new RejectedTicket("invalid " + path + ": expected an object, found " + kind(comment));
            }
            JsonNode isPublic = comment.get("public");
            if (isPublic != null && !isPublic.isNull() && !isPublic.isBoolean()) {
                throw new RejectedTicket("invalid " + path + ".public: expected true or false, found " + kind(isPublic));
            }
            String text = text(comment.get("plain_body"), path + ".plain_body");
            if (text == null) {
                text = text(comment.get("body"), path + ".body");
            }
            // A comment without "public" is taken as an internal note: customer text must never include one.
            comments.add(new Comment(id(comment, "author_id", false), isPublic != null && isPublic.asBoolean(false),
                    text, timestamp(comment.get("created_at"), path + ".created_at", false)));
        }
        return comments;
    }

    /**
     * The customer's own words: the description when the first comment is the requester's and public (it is that
     * comment), else the requester's public comments. Without comments in the export, the description unless the
     * ticket says its first comment is private ({@code is_public: false}).
     */
    private String body(JsonNode json, List<Comment> comments, String requester) {
        String description = text(json.get("description"), "description");
        if (comments == null || comments.isEmpty()) {
            JsonNode isPublic = json.get("is_public");
            return isPublic != null && isPublic.isBoolean() && !isPublic.asBoolean() ? null : description;
        }
        Comment first = comments.get(0);
        if (description != null && first.isPublic() && requester != null && requester.equals(first.author())) {
            return description;
        }
        List<String> own = comments.stream()
                .filter(c -> c.isPublic() && requester != null && requester.equals(c.author()) && c.text() != null)
                .map(Comment::text).toList();
        return own.isEmpty() ? null : String.join("\n\n", own);
    }

    /** The first public comment by someone other than the requester after the ticket was opened. */
    private static Timestamp firstResponse(List<Comment> comments, String requester, Instant created) {
        if (comments == null) {
            return null;
        }
        // A comment at the ticket's creation is its opening message, even when an agent wrote it for the customer.
        return comments.stream()
                .filter(c -> c.isPublic() && c.author() != null && !c.author().equals(requester)
                        && c.createdAt() != null && c.createdAt().isAfter(created))
                .map(Comment::createdAt).min(Instant::compareTo).map(Timestamp::from).orElse(null);
    }

    /** solved_at when the export has it (top level or metric_set), else updated_at of a solved or closed ticket. */
    private Timestamp resolved(JsonNode json) {
        JsonNode solvedAt = json.get("solved_at");
        if ((solvedAt == null || solvedAt.isNull()) && json.get("metric_set") != null) {
            solvedAt = json.get("metric_set").get("solved_at");
        }
        if (solvedAt != null && !solvedAt.isNull()) {
            return Timestamp.from(timestamp(solvedAt, "solved_at", true));
        }
        String status = text(json.get("status"), "status");
        if (status != null && SOLVED.contains(status.toLowerCase(Locale.ROOT))) {
            Instant updated = timestamp(json.get("updated_at"), "updated_at", false);
            return updated == null ? null : Timestamp.from(updated);
        }
        return null;
    }

    private static String channel(JsonNode via) {
        if (via == null || via.isNull()) {
            throw new RejectedTicket("missing via.channel");
        }
        JsonNode channel = via.isObject() ? via.get("channel") : null;
        if (channel == null || channel.isNull() || (channel.isTextual() && channel.asText().isBlank())) {
            throw new RejectedTicket(via.isObject() ? "missing via.channel"
                    : "invalid via: expected an object, found " + kind(via));
        }
        String value;
        if (channel.isIntegralNumber() || (channel.isTextual() && channel.asText().trim().matches("\\d{1,3}"))) {
            long id = channel.isIntegralNumber() ? channel.asLong() : Long.parseLong(channel.asText().trim());
            value = VIA_IDS.get(id);
            if (value == null) {
                throw new RejectedTicket("unknown via.channel " + id + " (a Zendesk via id that is no customer channel)"
                        + ", expected one of " + Channel.labels());
            }
        } else if (channel.isTextual()) {
            value = channel.asText();
        } else {
            throw new RejectedTicket("invalid via.channel: expected a string, found " + kind(channel));
        }
        return Channel.parse(value).map(Channel::label).orElseThrow(() -> new RejectedTicket(
                "unknown channel '" + value + "', expected one of " + Channel.labels()));
    }

    /** An id: a whole number or a non-blank string; null when optional and absent. */
    private static String id(JsonNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                throw new RejectedTicket("missing " + field);
            }
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Long.toString(node.asLong());
        }
        if (node.isTextual()) {
            return clean(node.asText());
        }
        throw new RejectedTicket("invalid " + field + ": expected a whole number or a string, found " + kind(node));
    }

    /** A date-time: an ISO-8601 string (without offset: UTC, as Zendesk writes), or epoch seconds or milliseconds. */
    private Instant timestamp(JsonNode node, String field, boolean required) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                throw new RejectedTicket("missing " + field);
            }
            return null;
        }
        String value;
        if (node.isTextual()) {
            value = node.asText().trim();
        } else if (node.isIntegralNumber()) {
            value = node.asText();
        } else {
            throw new RejectedTicket("invalid " + field + ": expected a date-time string, found " + kind(node));
        }
        Instant instant;
        try {
            instant = Timestamps.parse(value, ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new RejectedTicket("invalid " + field + ": " + e.getMessage());
        }
        if (instant.isBefore(SourceFileReader.EARLIEST)) {
            throw new RejectedTicket("implausible " + field + ": " + value + " is before 2000");
        }
        if (instant.isAfter(latest)) {
            throw new RejectedTicket("implausible " + field + ": " + value + " is in the future");
        }
        return instant;
    }

    /** A text field: trimmed, control characters replaced; null when absent or blank. */
    private static String text(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new RejectedTicket("invalid " + field + ": expected a string, found " + kind(node));
        }
        String value = clean(node.asText());
        return value.isEmpty() ? null : value;
    }

    private static String clean(String raw) {
        // Control characters (NUL, bell, ...) break spreadsheets and terminals downstream.
        return CONTROL.matcher(raw.trim()).replaceAll(" ");
    }

    /**
     * The value of a ticket field as one label cell: a top-level field (a string, a number, or a list such as
     * {@code tags}, joined by commas), or a custom field as {@code custom_fields.<id>}; null when the ticket lacks it.
     */
    static String labelCell(JsonNode ticket, String field) {
        String wanted = field.trim();
        JsonNode node = null;
        if (wanted.toLowerCase(Locale.ROOT).startsWith("custom_fields.") && ticket.get("custom_fields") != null) {
            String customId = wanted.substring("custom_fields.".length());
            for (JsonNode custom : ticket.get("custom_fields")) {
                if (custom.isObject() && custom.path("id").asText().equals(customId)) {
                    node = custom.get("value");
                }
            }
        } else {
            for (Map.Entry<String, JsonNode> entry : ticket.properties()) {
                if (HeaderMapping.normalise(entry.getKey()).equals(HeaderMapping.normalise(wanted))) {
                    node = entry.getValue();
                }
            }
        }
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> {
                if (v.isValueNode() && !v.isNull()) {
                    values.add(v.asText());
                }
            });
            return String.join(",", values);
        }
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    /**
     * The raw record of a rejected ticket for the rejects file, which is not redacted: without its comments, since
     * they hold internal notes and agents' replies, and the rejects go to whoever checks the export.
     */
    static String withoutComments(JsonNode json) {
        if (!json.isObject() || !json.has("comments")) {
            return json.toString();
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = json.deepCopy();
        JsonNode comments = copy.get("comments");
        copy.put("comments", comments.isArray() ? comments.size() + " comments left out" : "left out");
        return copy.toString();
    }

    /**
     * The start of a record that is no JSON object, for the rejects: it cannot be stripped of its comments, and a
     * line may be megabytes long.
     */
    private static String start(String text) {
        return text.length() <= RAW_START ? text : text.substring(0, RAW_START) + "...";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RejectedTicket("invalid UTF-8: byte 0x" + Integer.toHexString(bytes[in.position()] & 0xff)
                    + " at byte " + (in.position() + 1) + " of the record");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String oneLine(JsonProcessingException e) {
        String message = BLANKS.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(" ").trim();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "...";
        }
        return e.getLocation() == null ? message : message + " (column " + e.getLocation().getColumnNr() + ")";
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            // A record is at most maxRecordChars, so no string in it is longer; the default cap would reject a
            // description a larger --max-field-size allows.
            StreamReadConstraints constraints = StreamReadConstraints.builder()
                    .maxStringLength(Math.max(maxRecordChars, StreamReadConstraints.DEFAULT_MAX_STRING_LEN)).build();
            mapper = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(constraints).build())
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();
        }
        return mapper;
    }

    /** Why one ticket cannot be used; control flow inside this reader only. */
    static final class RejectedTicket extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedTicket(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Rows in file order. The tickets of one line (a compact page holds many) are held until the line ends: they share
     * a line number, so ExportReader cannot tell which is later, and a ticket repeated within the line is resolved
     * here, the later copy winning as across lines.
     */
    private static final class RowIterator implements Iterator<Row> {
        private final String fileName;
        private final int order;
        private final Iterator<Ticket> tickets;
        private final Deque<Row> ready = new ArrayDeque<>();
        private final List<Ticket> line = new ArrayList<>();

        RowIterator(String fileName, int order, Iterator<Ticket> tickets) {
            this.fileName = fileName;
            this.order = order;
            this.tickets = tickets;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                if (!tickets.hasNext()) {
                    flush();
                    return !ready.isEmpty();
                }
                Ticket ticket = tickets.next();
                if (!line.isEmpty() && line.get(0).line() != ticket.line()) {
                    flush();
                }
                line.add(ticket);
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private void flush() {
            Map<String, Integer> lastCopy = new LinkedHashMap<>();
            for (int i = 0; i < line.size(); i++) {
                if (line.get(i).rejectReason() == null) {
                    lastCopy.put(line.get(i).id(), i);
                }
            }
            for (int i = 0; i < line.size(); i++) {
                Ticket ticket = line.get(i);
                Object[] values = Arrays.copyOf(ticket.values() == null ? new Object[WIDTH] : ticket.values(),
                        WIDTH + IngestColumns.values().length);
                String reason = ticket.rejectReason();
                if (reason == null && lastCopy.get(ticket.id()) != i) {
                    reason = "duplicate ticket_id '" + ticket.id() + "': replaced by a later copy on the same line";
                    Arrays.fill(values, 0, WIDTH, null);
                }
                if (reason != null) {
                    Arrays.fill(values, 0, WIDTH, null);
                    values[WIDTH + IngestColumns.REJECT_REASON.ordinal()] = reason;
                    values[WIDTH + IngestColumns.RAW.ordinal()] = ticket.raw() != null ? ticket.raw()
                            : ticket.json() == null ? null : withoutComments(ticket.json());
                }
                values[WIDTH + IngestColumns.FILE.ordinal()] = fileName;
                values[WIDTH + IngestColumns.LINE.ordinal()] = ticket.line();
                values[WIDTH + IngestColumns.FILE_ORDER.ordinal()] = order;
                ready.add(RowFactory.create(values));
            }
            line.clear();
        }
    }
}
