package nl.defenceline.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Splits the bytes of a JSON export into records, each with the physical line it starts on: one record per non-blank
 * line of newline-delimited JSON, or one per element of the {@code "tickets"} array of export pages
 * ({@code {"tickets": [...], "end_of_stream": ...}}, compact or pretty-printed, one page after another). Only the
 * structure is scanned here (brackets, strings, keys of the outer object); Jackson parses each record. A record longer
 * than the limit is streamed past, never held whole, and reading resumes after it.
 */
final class JsonRecords implements Iterator<JsonRecords.Record>, Closeable {

    /** Bytes read to tell a page from ticket lines: page envelopes put only short fields before "tickets". */
    static final int SNIFF_LIMIT = 1 << 20;

    /** Characters of an over-long or truncated record kept to show in the rejects. */
    private static final int HEAD = 200;

    /**
     * One record.
     *
     * @param bytes   the record's bytes, or null when it was too long to take
     * @param problem why the record could not be taken whole (too long, file ends inside it), else null
     * @param head    the start of an over-long record, for the rejects; else null
     */
    record Record(long line, byte[] bytes, String problem, String head) {
    }

    /** What the start of a JSON file looks like. */
    enum Shape {
        /** No bytes but blanks. */
        EMPTY,
        /** An object with a "tickets" array: a saved incremental export page. */
        PAGE,
        /** An object with an id and a field every ticket has: one ticket per line. */
        TICKET_LINES,
        /** Anything else. */
        OTHER
    }

    private static final Set<String> TICKET_FIELDS = Set.of("created_at", "via", "requester_id", "subject",
            "description", "status");

    private final InputStream in;
    private final boolean pages;
    private final int maxChars;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int filled;
    private int pending = -1;
    private long line = 1;
    private boolean started;
    private Record next;
    private boolean done;

    // Page scanning state, outside a record.
    private int depth;
    private final StringScan strings = new StringScan();
    private boolean inTickets;
    private String lastString;
    private String currentKey;

    /**
     * @param pages    whether the bytes are export pages (see {@link #sniff}) rather than one ticket per line
     * @param maxChars characters a record may hold (counted as UTF-8 sequences)
     */
    JsonRecords(InputStream decoded, boolean pages, int maxChars) {
        this.in = decoded;
        this.pages = pages;
        this.maxChars = maxChars;
    }

    /** The bytes of a file, gunzipped when they start with gzip's magic number. */
    static InputStream decoded(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /**
     * Looks at the first JSON value of a file (at most {@link #SNIFF_LIMIT} bytes, streaming): an export page, ticket
     * lines, empty, or something else. Does not close the stream.
     */
    static Shape sniff(InputStream decoded) throws IOException {
        InputStream in = new BufferedInputStream(decoded, 1 << 16);
        int b = skipBomAndBlanks(in);
        if (b < 0) {
            return Shape.EMPTY;
        }
        if (b != '{') {
            return Shape.OTHER;
        }
        Set<String> keys = new LinkedHashSet<>();
        int depth = 1;
        StringScan strings = new StringScan();
        String last = null;
        String current = null;
        for (int read = 1; read < SNIFF_LIMIT && depth > 0; read++) {
            b = in.read();
            if (b < 0) {
                break;
            }
            if (strings.inside()) {
                if (strings.closedBy(b, depth == 1)) {
                    last = depth == 1 ? strings.key() : null;
                }
                continue;
            }
            switch (b) {
                case '"' -> strings.open();
                case ':' -> {
                    if (depth == 1 && last != null) {
                        current = last;
                        keys.add(current);
                    }
                }
                case ',' -> current = depth == 1 ? null : current;
                case '{', '[' -> {
                    if (b == '[' && depth == 1 && "tickets".equals(current)) {
                        return Shape.PAGE;
                    }
                    depth++;
                }
                case '}', ']' -> depth--;
                default -> {
                }
            }
        }
        return keys.contains("id") && keys.stream().anyMatch(TICKET_FIELDS::contains) ? Shape.TICKET_LINES : Shape.OTHER;
    }

    private static int skipBomAndBlanks(InputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            in.read();
            in.read();
            b = in.read();
        }
        while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
            b = in.read();
        }
        return b;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = pages ? nextInPage() : nextLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Record next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Record record = next;
        next = null;
        return record;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int read() throws IOException {
        if (pending >= 0) {
            int b = pending;
            pending = -1;
            return b;
        }
        if (position == filled) {
            filled = in.read(buffer, 0, buffer.length);
            position = 0;
            if (filled <= 0) {
                filled = 0;
                return -1;
            }
            if (!started && filled >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                    && (buffer[2] & 0xff) == 0xBF) {
                position = 3;
            }
            started = true;
        }
        return buffer[position++] & 0xff;
    }

    /** The next non-blank line, at most maxChars of it held. */
    private Record nextLine() throws IOException {
        while (true) {
            long start = line;
            Capture capture = new Capture(maxChars);
            boolean blank = true;
            int b = read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n') {
                capture.add(b);
                blank &= b == ' ' || b == '\t' || b == '\r';
                b = read();
            }
            if (b == '\n') {
                line++;
            }
            if (!blank) {
                return capture.record(start, null);
            }
        }
    }

    /** The next element of a "tickets" array. */
    private Record nextInPage() throws IOException {
        while (true) {
            int b = read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                line++;
            }
            if (strings.inside()) {
                if (strings.closedBy(b, depth == 1)) {
                    lastString = depth == 1 ? strings.key() : null;
                }
                continue;
            }
            if (inTickets && depth == 2 && !isBlank(b) && b != ',' && b != ']') {
                return element(b);
            }
            switch (b) {
                case '"' -> strings.open();
                case ':' -> currentKey = depth == 1 ? lastString : currentKey;
                case ',' -> currentKey = depth == 1 ? null : currentKey;
                case '{', '[' -> {
                    if (depth == 0) {
                        currentKey = null;
                    }
                    inTickets |= b == '[' && depth == 1 && "tickets".equals(currentKey);
                    depth++;
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    if (depth < 2) {
                        inTickets = false;
                    }
                }
                default -> {
                }
            }
        }
    }

    /** One element of the tickets array, starting with byte {@code first}; the page state ends back at depth 2. */
    private Record element(int first) throws IOException {
        long start = line;
        Capture capture = new Capture(maxChars);
        boolean container = first == '{' || first == '[';
        boolean quoted = first == '"';
        int elementDepth = depth;
        boolean string = false;
        boolean escape = false;
        int b = first;
        while (true) {
            if (b < 0) {
                depth = elementDepth;
                return capture.record(start, "truncated: the file ends inside this ticket");
            }
            if (!container && !quoted && (b == ',' || b == ']' || isBlank(b))) {
                pending = b;
                return capture.record(start, null);
            }
            capture.add(b);
            if (b == '\n') {
                line++;
            }
            if (string) {
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    string = false;
                    if (quoted) {
                        return capture.record(start, null);
                    }
                }
            } else if (b == '"') {
                string = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (container && depth == elementDepth) {
                    return capture.record(start, null);
                }
            }
            b = read();
        }
    }

    private static boolean isBlank(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** A record's bytes while they fit; past the limit only the start is kept, for the rejects. */
    private static final class Capture {
        private final int maxChars;
        private final ByteBuffer bytes = new ByteBuffer(256);
        private long chars;
        private String head;

        Capture(int maxChars) {
            this.maxChars = maxChars;
        }

        void add(int b) {
            boolean startsChar = (b & 0xC0) != 0x80;
            if (startsChar) {
                chars++;
            }
            if (head != null) {
                return;
            }
            if (chars > maxChars) {
                head = new String(bytes.data, 0, Math.min(bytes.length, 4 * HEAD), StandardCharsets.UTF_8);
                head = head.substring(0, Math.min(head.length(), HEAD)) + "...";
                bytes.release();
                return;
            }
            bytes.add(b);
        }

        Record record(long line, String problem) {
            if (head != null) {
                return new Record(line, null, "longer than " + maxChars + " characters (" + chars
                        + " read past, not kept)", head);
            }
            return new Record(line, bytes.bytes(), problem, null);
        }
    }

    /**
     * Where a byte scan stands in a JSON string, and the text of the string when it is a key: the sniffer and the page
     * scanner read strings alike.
     */
    private static final class StringScan {
        private final ByteBuffer text = new ByteBuffer(64, 64);
        private boolean inside;
        private boolean escaped;

        boolean inside() {
            return inside;
        }

        /** At an opening quote. */
        void open() {
            inside = true;
            text.clear();
        }

        /**
         * Feeds one byte of the string, kept when {@code keep}; returns whether it was the closing quote.
         */
        boolean closedBy(int b, boolean keep) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inside = false;
                return true;
            } else if (keep) {
                text.add(b);
            }
            return false;
        }

        /** The string's text, as far as it was kept (at most 64 bytes). */
        String key() {
            return text.text();
        }
    }

    /** A growable byte array. */
    private static final class ByteBuffer {
        private final int limit;
        private byte[] data;
        private int length;

        ByteBuffer(int initial) {
            this(initial, Integer.MAX_VALUE - 16);
        }

        ByteBuffer(int initial, int limit) {
            this.data = new byte[initial];
            this.limit = limit;
        }

        void add(int b) {
            if (length == data.length) {
                if (length >= limit) {
                    return;
                }
                data = Arrays.copyOf(data, (int) Math.min(limit, 2L * length));
            }
            data[length++] = (byte) b;
        }

        void clear() {
            length = 0;
        }

        void release() {
            data = new byte[0];
            length = 0;
        }

        byte[] bytes() {
            return Arrays.copyOf(data, length);
        }

        String text() {
            return new String(data, 0, length, StandardCharsets.UTF_8);
        }
    }
}
