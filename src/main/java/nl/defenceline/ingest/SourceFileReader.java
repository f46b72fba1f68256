package nl.defenceline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * values, or a reject reason with the raw record, both with the file name and the line the record starts on.
 */
public final class SourceFileReader implements Serializable {

    private static final long serialVersionUID = 1L;

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final Source source;
    private final ZoneId shopZone;

    public SourceFileReader(Source source, ZoneId shopZone) {
        this.source = source;
        this.shopZone = shopZone;
    }

    /** Schema of the rows {@link #read} yields: the source's typed columns, then the ingest bookkeeping columns. */
    public static StructType parsedSchema(Source source) {
        StructType schema = source.schema();
        for (var field : ExportReader.rejectSchema().fields()) {
            schema = schema.add(field);
        }
        return schema;
    }

    /**
     * Reads the header row of a file; used on the driver to fail fast before any job runs.
     *
     * @throws UserError when the file has no header row or lacks a required column
     */
    public static HeaderMapping readHeader(Source source, String fileName, InputStream in) throws IOException {
        try (CSVParser parser = FORMAT.parse(utf8Reader(in))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UserError(fileName + " is empty: expected a header row with " + requiredHeaders(source));
            }
            return HeaderMapping.of(source, fileName, records.next().toList());
        } catch (UncheckedIOException malformed) {
            throw new UserError(fileName + ": header row cannot be read as CSV: " + malformed.getCause().getMessage());
        }
    }

    /** Streams the rows of one file; the stream is closed when the iterator is exhausted. */
    public Iterator<Row> read(String fileName, InputStream in) throws IOException {
        CSVParser parser = FORMAT.parse(utf8Reader(in));
        return new RowIterator(fileName, parser);
    }

    private static Reader utf8Reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String requiredHeaders(Source source) {
        return source.columns().stream().filter(c -> c.presence() != Presence.OPTIONAL).map(SourceColumn::header).toList()
                .toString();
    }

    /** Typed values of one record, or the reason it cannot be used. */
    Object[] typedValues(CSVRecord record, HeaderMapping header) {
        if (record.size() != header.width()) {
            throw new RejectedRecord("has " + record.size() + " fields, the header has " + header.width());
        }
        List<SourceColumn> columns = source.columns();
        Object[] values = new Object[columns.size()];
        boolean hasText = false;
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn column = columns.get(i);
            int position = header.position(column);
            String raw = position < 0 ? null : record.get(position);
            if (raw == null || raw.isBlank()) {
                if (column.presence() == Presence.VALUE) {
                    throw new RejectedRecord("missing value for " + column.header());
                }
                continue;
            }
            values[i] = convert(column, raw);
            hasText |= source.textColumns().contains(column);
        }
        if (source.needsText() && !hasText) {
            throw new RejectedRecord("no text: " + source.textColumns().stream().map(SourceColumn::header).toList()
                    + " are all empty");
        }
        return values;
    }

    private Object convert(SourceColumn column, String raw) {
        String value = raw.trim();
        switch (column.type()) {
            case TIMESTAMP:
                try {
                    return Timestamp.from(Timestamps.parse(value, shopZone));
                } catch (IllegalArgumentException e) {
                    throw new RejectedRecord("invalid " + column.header() + ": " + e.getMessage());
                }
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
                return value;
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
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final int width = source.columns().size();
        private HeaderMapping header;
        private Row next;
        private boolean done;

        RowIterator(String fileName, CSVParser parser) {
            this.fileName = fileName;
            this.parser = parser;
            this.records = parser.iterator();
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
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException malformed) {
                done = true;
                close();
                return reject(line, "malformed CSV, the rest of the file from here on cannot be read: "
                        + malformed.getCause().getMessage(), null);
            }
            if (header == null) {
                header = HeaderMapping.of(source, fileName, record.toList());
                return advance();
            }
            try {
                Object[] values = Arrays.copyOf(typedValues(record, header), width + IngestColumns.values().length);
                values[width + IngestColumns.FILE.ordinal()] = fileName;
                values[width + IngestColumns.LINE.ordinal()] = line;
                return RowFactory.create(values);
            } catch (RejectedRecord rejected) {
                return reject(line, rejected.getMessage(), FORMAT.format(record.values()));
            }
        }

        private Row reject(long line, String reason, String raw) {
            Object[] values = new Object[width + IngestColumns.values().length];
            values[width + IngestColumns.FILE.ordinal()] = fileName;
            values[width + IngestColumns.LINE.ordinal()] = line;
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
