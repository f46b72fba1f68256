package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class BoundedRecordReaderTest {

    private static final CSVFormat FORMAT = SourceFileReader.format(new Dialect(null, 0, ','));

    /** Text made while it is read: a start, {@code count} copies of a filler, an end; never all in memory. */
    static final class GeneratedText extends Reader {
        private final String filler;
        private final String end;
        private long fillersLeft;
        private boolean atEnd;
        private String current;
        private int at;

        GeneratedText(String start, String filler, long count, String end) {
            this.filler = filler;
            this.end = end;
            this.fillersLeft = count;
            this.current = start;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (at == current.length()) {
                if (fillersLeft > 0) {
                    fillersLeft--;
                    current = filler;
                } else if (!atEnd) {
                    atEnd = true;
                    current = end;
                } else {
                    return -1;
                }
                at = 0;
            }
            int count = Math.min(length, current.length() - at);
            current.getChars(at, at + count, buffer, offset);
            at += count;
            return count;
        }

        @Override
        public void close() {
        }
    }

    /** Counts the characters the parser has been handed. */
    private static final class Counting extends Reader {
        private final Reader in;
        private long delivered;

        Counting(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            delivered += Math.max(count, 0);
            return count;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static List<List<String>> readAll(Reader text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : FORMAT.parse(text)) {
            records.add(record.toList());
        }
        return records;
    }

    @Test
    void handsTheParserNoMoreThanTheLimitOfAnOversizedField() throws IOException {
        String before = "id,body\n1,short\n2,\"quoted, with a comma\"\n";
        int limit = 64 * 1024;
        BoundedRecordReader text = new BoundedRecordReader(
                new GeneratedText(before + "3,\"", "0123456789abcdef\n", 1_000_000, "\"\n4,after\n"), ',', limit);
        Counting counted = new Counting(text);
        CSVParser parser = FORMAT.parse(counted);
        Iterator<CSVRecord> records = parser.iterator();
        List<String> ids = new ArrayList<>();
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> {
            while (records.hasNext()) {
                ids.add(records.next().get(0));
            }
        });

        assertEquals(List.of("id", "1", "2"), ids);
        Throwable cause = failed;
        while (!(cause instanceof BoundedRecordReader.RecordTooLong) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(BoundedRecordReader.RecordTooLong.class, cause);
        assertTrue(counted.delivered - before.length() <= limit,
                "the parser got " + (counted.delivered - before.length()) + " characters of the oversized record");
        assertEquals(4, text.recordLine());
        assertTrue(text.recordPrefix().startsWith("3,\"0123456789abcdef\n"), text.recordPrefix());
        assertEquals(BoundedRecordReader.PREFIX + 3, text.recordPrefix().length());

        assertEquals(BoundedRecordReader.Skipped.RECORD, text.skipRecord());
        assertEquals(3 + 1_000_000 + 1, text.lineBreaks(), "the field's own line breaks are counted");
        assertEquals(List.of(List.of("4", "after")), readAll(text));
    }

    @Test
    void resumesAfterACrLfWithoutAnEmptyLine() throws IOException {
        BoundedRecordReader text = new BoundedRecordReader(
                new StringReader("a,b\r\n1,\"" + "x".repeat(100) + "\"\r\n2,y\r\n"), ',', 50);
        Iterator<CSVRecord> records = FORMAT.parse(text).iterator();
        assertEquals("a", records.next().get(0));
        assertThrows(UncheckedIOException.class, records::next);
        assertEquals(2, text.recordLine());
        assertEquals(BoundedRecordReader.Skipped.RECORD, text.skipRecord());
        assertEquals(2, text.lineBreaks());
        CSVParser rest = FORMAT.parse(text);
        assertEquals(List.of("2", "y"), rest.iterator().next().toList());
        assertEquals(1, rest.getCurrentLineNumber(), "no LF left over to count as a line of its own");
    }

    @Test
    void callsAQuoteThatNeverClosesMalformed() throws IOException {
        BoundedRecordReader text = new BoundedRecordReader(
                new GeneratedText("a,b\n1,\"stray\n", "2,plain row\n", 10_000, ""), ',', 1000);
        Iterator<CSVRecord> records = FORMAT.parse(text).iterator();
        records.next();
        assertThrows(UncheckedIOException.class, records::next);
        assertEquals(BoundedRecordReader.Skipped.MALFORMED, text.skipRecord());
    }

    @Test
    void callsTextAfterAClosingQuoteMalformed() throws IOException {
        BoundedRecordReader text = new BoundedRecordReader(new GeneratedText("a,b\n1,\"stray\n", "2,plain row\n",
                1000, "3,\"quoted\",ok\n"), ',', 1000);
        Iterator<CSVRecord> records = FORMAT.parse(text).iterator();
        records.next();
        assertThrows(UncheckedIOException.class, records::next);
        assertEquals(BoundedRecordReader.Skipped.MALFORMED, text.skipRecord());
    }

    @Test
    void followsTheParserOnQuotesInsideUnquotedFieldsAndDoubledQuotes() throws IOException {
        String csv = "a,b\n1,5\" screen\n2,\"say \"\"hi\"\"\" \n3,\"x\"\n";
        List<List<String>> records = readAll(new BoundedRecordReader(new StringReader(csv), ',', 20));
        assertEquals(List.of(List.of("a", "b"), List.of("1", "5\" screen"), List.of("2", "say \"hi\""),
                List.of("3", "x")), records);
    }

    @Test
    void skipsLinesAndKeepsTheLastOneCut() throws IOException {
        BoundedRecordReader text = new BoundedRecordReader(
                new StringReader("h\r\n" + "y".repeat(300) + "\r\nz,1\n"), ',', 1000);
        assertEquals("y".repeat(200) + "...", text.skipLines(2, 200));
        assertEquals(2, text.lineBreaks());
        assertEquals(List.of(List.of("z", "1")), readAll(text));
    }
}
