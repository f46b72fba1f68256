package nl.defenceline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.defenceline.UserError;
import nl.defenceline.schema.Channel;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Presence;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one CSV file of a source into typed rows, streaming. Every record becomes exactly one row: either typed
 * values, or a reject reason with the raw record, both with the file name and the line the record starts on. A record
 * the CSV parser cannot read (an unbalanced quote) is rejected on its own line and reading resumes on the next line.
 * No record is held longer than the maximum field size: a longer one is rejected while it streams past (see
 * {@link BoundedRecordReader}), and reading resumes after it when it ends cleanly, else on the line after its start.
 */
public final class SourceFileReader implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Timestamps before this are rejected as implausible (0 or a default date in the export). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /** How one file of the export is to be read. */
    public record FileInput(ColumnMapping mapping, int order) implements Serializable {
    }

    /** Opens a file's bytes again; a malformed record makes the reader reopen past it. */
    @FunctionalInterface
    public interface Opener extends Serializable {
        InputStream open() throws IOException;
    }

    private final Source source;
    private final ZoneId shopZone;
    private final Map<String, FileInput> files;
    private final Instant latest;
    private final int maxFieldSize;

    /**
     * @param files        per file name: the mapping to read it with and its export order (later exports win duplicates)
     * @param latest       timestamps after this are rejected as in the future
     * @param maxFieldSize characters a record (and so each of its fields) may have; a longer one is rejected
     */
    public SourceFileReader(Source source, ZoneId shopZone, Map<String, FileInput> files, Instant latest,
                            int maxFieldSize) {
        if (maxFieldSize < 1) {
            throw new IllegalArgumentException("maxFieldSize must be at least 1, not " + maxFieldSize);
        }
        this.source = source;
        this.shopZone = shopZone;
        this.files = files;
        this.latest = latest;
        this.maxFieldSize = maxFieldSize;
    }

    /** Schema of the rows {@link #read} yields: the source's typed columns, then the ingest bookkeeping columns. */
    public static StructType parsedSchema(Source source) {
        StructType schema = source.schema();
        for (IngestColumns meta : IngestColumns.values()) {
            schema = schema.add(meta.column(), meta.type(), true);
        }
        return schema;
    }

    static CSVFormat format(Dialect dialect) {
        return CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).setIgnoreEmptyLines(true).get();
    }

    /**
     * Reads the header row of a file; used on the driver to pick a mapping and fail fast before any job runs.
     *
     * @return the header's fields, empty when the file has no rows at all
     * @throws UserError when the header row is not readable CSV
     */
    public static List<String> readHeader(String fileName, InputStream in) throws IOException {
        Dialect.Opened opened = Dialect.open(in);
        // A header is short: a file whose first record runs past the default field size is not an export.
        Reader text = new BoundedRecordReader(opened.reader(), opened.dialect().delimiter(),
                ExportReader.DEFAULT_MAX_FIELD_SIZE);
        try (CSVParser parser = format(opened.dialect()).parse(text)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (UncheckedIOException malformed) {
            throw new UserError(fileName + ": header row cannot be read as CSV: " + parserMessage(malformed));
        }
    }

    /** The parser's own words for why it failed, without the exception classes it wraps them in. */
    private static String parserMessage(UncheckedIOException failed) {
        return tooLong(failed).map(Throwable::getMessage).orElseGet(() -> failed.getCause().getMessage()
                .replaceAll("^IOException reading next record: java.io.IOException: ", ""));
    }

    /** The text reader's signal that the record being parsed is longer than the limit, if that is why parsing failed. */
    private static Optional<BoundedRecordReader.RecordTooLong> tooLong(Throwable failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedRecordReader.RecordTooLong signal) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }

    /** Streams the rows of one file; the file is closed when the iterator is exhausted. */
    public Iterator<Row> read(String fileName, Opener opener) throws IOException {
        return new RowIterator(fileName, input(fileName), opener, null, null, 0);
    }

    /**
     * Streams the rows of one piece of a file, as {@link #read(String, Opener)} would yield them for the file whole:
     * the piece starts at a record start (see {@link RecordBoundaries}), its rows carry the file's line numbers, and a
     * piece after the first reads the header from the file's start.
     *
     * @param file    opens the whole file (for the header)
     * @param piece   opens the piece's bytes, from its start to its end
     * @param dialect the file's dialect, as detected from its start
     */
    Iterator<Row> read(String fileName, Opener file, Opener piece, Dialect dialect, RecordBoundaries.Piece range)
            throws IOException {
        FileInput input = input(fileName);
        List<String> header = null;
        if (range.start() > 0) {
            try (InputStream in = file.open()) {
                Reader text = new BoundedRecordReader(dialect.decode(in, true), dialect.delimiter(), maxFieldSize);
                try (CSVParser parser = format(dialect).parse(text)) {
                    header = parser.iterator().next().toList();
                }
            }
        }
        return new RowIterator(fileName, input, piece, dialect, header, range.linesBefore());
    }

    private FileInput input(String fileName) {
        FileInput input = files.get(fileName);
        if (input == null) {
            throw new IllegalStateException("no mapping chosen for " + fileName);
        }
        return input;
    }

    /** Typed values of one record, or the reason it cannot be used. */
    Object[] typedValues(String[] fields, HeaderMapping header) {
        if (fields.length != header.width()) {
            throw new RejectedRecord("has " + fields.length + " fields, the header has " + header.width());
        }
        List<SourceColumn> columns = source.columns();
        Object[] values = new Object[columns.size()];
        boolean hasText = false;
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn column = columns.get(i);
            int position = header.position(column);
            String raw = position < 0 ? null : fields[position];
            if (raw == null || raw.isBlank()) {
                if (column.presence() == Presence.VALUE) {
                    throw new RejectedRecord("missing value for " + column.header());
                }
                continue;
            }
            values[i] = convert(column, raw, header.datePattern(column));
            hasText |= source.textColumns().contains(column);
        }
        if (source.needsText() && !hasText) {
            throw new RejectedRecord("no text: " + source.textColumns().stream().map(SourceColumn::header).toList()
                    + " are all empty");
        }
        return values;
    }

    private Object convert(SourceColumn column, String raw, String datePattern) {
        String value = raw.trim();
        switch (column.type()) {
            case TIMESTAMP:
                Instant instant;
                try {
                    instant = Timestamps.parse(value, shopZone, datePattern);
                } catch (IllegalArgumentException e) {
                    throw new RejectedRecord("invalid " + column.header() + ": " + e.getMessage());
                }
                if (instant.isBefore(EARLIEST)) {
                    throw new RejectedRecord("implausible " + column.header() + ": " + value + " is before 2000");
                }
                if (instant.isAfter(latest)) {
                    throw new RejectedRecord("implausible " + column.header() + ": " + value + " is in the future");
                }
                return Timestamp.from(instant);
            case INTEGER:
                int number;
                try {
                    number = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new RejectedRecord("invalid " + column.header() + ": '" + value + "' is not a whole number");
                }
                if (number < 1) {
                    throw new RejectedRecord("invalid " + column.header() + ": " + number + " is less than 1");
                }
                return number;
            case DECIMAL:
                try {
                    return Double.parseDouble(value.replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new RejectedRecord("invalid " + column.header() + ": '" + value + "' is not a number");
                }
            case CHANNEL:
                return Channel.parse(value).map(Channel::label).orElseThrow(() -> new RejectedRecord(
                        "unknown " + column.header() + " '" + value + "', expected one of " + Channel.labels()));
            default:
                // Control characters (NUL, bell, ...) break spreadsheets and terminals downstream.
                return CONTROL.matcher(value).replaceAll(" ");
        }
    }

    /** Why one record cannot be used; control flow inside this reader only. */
    static final class RejectedRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RejectedRecord(String reason) {
            super(reason, null, false, false);
        }
    }

    private final class RowIterator implements Iterator<Row> {
        private final String fileName;
        private final FileInput input;
        private final Opener opener;
        private final int width = source.columns().size();
        private final Optional<ColumnMapping.FillDown> fillDown;
        /** The file's dialect when it was detected before (a piece of a file), else null until detected here. */
        private final Dialect knownDialect;
        /** Lines of the file before the bytes the opener gives (a piece's start). */
        private final long linesBefore;
        /** Whether the opener's bytes start at the file's start (with the header and any byte-order mark). */
        private final boolean atFileStart;
        private Dialect dialect;
        private BoundedRecordReader text;
        private CSVParser parser;
        private Iterator<CSVRecord> records;
        private HeaderMapping header;
        private String runKey;
        private String[] runValues;
        private Row next;
        private boolean done;

        /** @param header the file's header fields when the opener's bytes start after it, else null */
        RowIterator(String fileName, FileInput input, Opener opener, Dialect knownDialect, List<String> header,
                    long linesBefore) throws IOException {
            this.fileName = fileName;
            this.input = input;
            this.opener = opener;
            this.fillDown = input.mapping().fillDown(source);
            this.knownDialect = knownDialect;
            this.linesBefore = linesBefore;
            this.atFileStart = header == null;
            if (header != null) {
                this.header = HeaderMapping.of(source, input.mapping(), fileName, header);
            }
            parse(new BoundedRecordReader(openText(), dialect.delimiter(), maxFieldSize));
        }

        /** The opener's text, at the file's start past a byte-order mark; detects the dialect if not known. */
        private Reader openText() throws IOException {
            if (knownDialect != null) {
                dialect = knownDialect;
                return knownDialect.decode(opener.open(), atFileStart);
            }
            Dialect.Opened opened = Dialect.open(opener.open());
            dialect = opened.dialect();
            return opened.reader();
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = advance();
                if (next == null) {
                    done = true;
                    close();
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        private Row advance() {
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    record = records.next();
                } catch (UncheckedIOException failed) {
                    if (header == null) {
                        throw new UserError(fileName + ": header row cannot be read as CSV: " + parserMessage(failed));
                    }
                    if (tooLong(failed).isPresent()) {
                        return skipOversized();
                    }
                    long line = text.takeRecordStart();
                    return reject(linesBefore + line, "malformed CSV: " + parserMessage(failed),
                            resumeAfter(line, maxFieldSize));
                }
                // Lines counted from the opener's first byte; the rows get the file's (plus linesBefore).
                long line = text.takeRecordStart();
                if (header == null) {
                    header = HeaderMapping.of(source, input.mapping(), fileName, record.toList());
                    continue;
                }
                try {
                    Object[] values = Arrays.copyOf(typedValues(filledDown(record.values()), header),
                            width + IngestColumns.values().length);
                    values[width + IngestColumns.FILE.ordinal()] = fileName;
                    values[width + IngestColumns.LINE.ordinal()] = linesBefore + line;
                    values[width + IngestColumns.FILE_ORDER.ordinal()] = input.order();
                    return RowFactory.create(values);
                } catch (RejectedRecord rejected) {
                    return reject(linesBefore + line, rejected.getMessage(), format(dialect).format(record.values()));
                }
            }
        }

        /**
         * Rejects the record the text reader stopped for being too long, streaming past the rest of it. When the
         * record ends cleanly (its quotes balance and a line break follows) reading resumes at the next record: a
         * long quoted field may span many lines, and resuming inside it would turn each of its lines into a reject.
         * When it does not (a quote that never closes, or text after a closing quote) the record is a stray quote
         * swallowing the rows after it, and reading resumes on the next line, as for any unbalanced quote.
         */
        private Row skipOversized() {
            long start = text.recordLine();
            String raw = text.recordPrefix();
            String reason = "record longer than " + maxFieldSize + " characters (--max-field-size)";
            BoundedRecordReader.Skipped skipped;
            try {
                skipped = text.skipRecord();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (skipped == BoundedRecordReader.Skipped.RECORD) {
                // The old parser is dropped, not closed: it would close the text the new one reads on.
                parse(text);
                return reject(linesBefore + start, reason + "; skipped to line " + (linesBefore + text.lineBreaks() + 1),
                        raw);
            }
            raw = resumeAfter(start, BoundedRecordReader.PREFIX);
            return reject(linesBefore + start, reason + " and a quote in it does not close; skipped to line "
                    + (linesBefore + start + 1), raw);
        }

        /**
         * Reopens the file (or piece) after the line a malformed record starts on, streaming past the lines before it.
         *
         * @return that line, cut to {@code keep} characters, as the raw record
         */
        private String resumeAfter(long badLine, int keep) {
            close();
            try {
                BoundedRecordReader reopened = new BoundedRecordReader(openText(), dialect.delimiter(), maxFieldSize);
                String raw = reopened.skipLines(badLine, keep);
                parse(reopened);
                return raw;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void parse(BoundedRecordReader from) {
            try {
                text = from;
                parser = format(dialect).parse(from);
                records = parser.iterator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Gives a row the mapping's fill-down columns from the first row of its run of rows with the same key, where
         * they are blank: Shopify writes an order's fields only on its first line item.
         */
        private String[] filledDown(String[] fields) {
            if (fillDown.isEmpty() || fields.length != header.width()) {
                return fields;
            }
            List<SourceColumn> columns = fillDown.get().columns();
            int keyAt = header.position(fillDown.get().key());
            String key = keyAt < 0 ? "" : fields[keyAt].trim();
            if (key.isEmpty() || !key.equals(runKey)) {
                runKey = key;
                runValues = new String[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    int at = header.position(columns.get(i));
                    runValues[i] = at < 0 ? null : fields[at];
                }
                return fields;
            }
            String[] filled = fields.clone();
            for (int i = 0; i < columns.size(); i++) {
                int at = header.position(columns.get(i));
                if (at >= 0 && filled[at].isBlank() && runValues[i] != null) {
                    filled[at] = runValues[i];
                }
            }
            return filled;
        }

        private Row reject(long line, String reason, String raw) {
            Object[] values = new Object[width + IngestColumns.values().length];
            values[width + IngestColumns.FILE.ordinal()] = fileName;
            values[width + IngestColumns.LINE.ordinal()] = line;
            values[width + IngestColumns.FILE_ORDER.ordinal()] = input.order();
            values[width + IngestColumns.REJECT_REASON.ordinal()] = reason;
            values[width + IngestColumns.RAW.ordinal()] = raw;
            return RowFactory.create(values);
        }

        private void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
