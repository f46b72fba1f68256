package nl.defenceline.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A CSV file's text as the parser reads it, with every record bounded in length. It follows record boundaries the way
 * Commons CSV's RFC 4180 lexer does (a quote opens a quoted field only at the start of a field, a doubled quote inside
 * one is a literal quote, a line break outside quotes ends the record) and fails the read that would hand the parser
 * more than {@code limit} characters of one record, so the parser never holds more than that of a field or a record.
 * The oversized record is then skipped by streaming past it, without holding it.
 */
final class BoundedRecordReader extends Reader {

    /** Why a read failed: the current record is longer than the limit. Reaches the caller through the parser. */
    static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLong(long limit) {
            super("record longer than " + limit + " characters");
        }
    }

    /** How skipping an oversized record ended. */
    enum Skipped {
        /** At a line break outside quotes, or at the end of the file: the next read starts at the next record. */
        RECORD,
        /** In a quoted field that never closes, or has text after its closing quote: an unbalanced quote. */
        MALFORMED
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTE }

    private static final char QUOTE = '"';
    private static final int BUFFER = 8192;
    /** Characters of a record kept for a reject's raw text. */
    static final int PREFIX = 200;

    private final Reader in;
    private final char delimiter;
    private final int limit;
    private char[] pending = new char[BUFFER];
    private int pendingStart;
    private int pendingEnd;
    private State state = State.FIELD_START;
    private boolean malformed;
    private long recordLength;
    private long recordsEnded;
    private long lineBreaks;
    private long recordLine = 1;
    private boolean afterCr;
    private final StringBuilder prefix = new StringBuilder();
    private boolean overflowed;
    /** Lines of the records scanned ahead of the parser: where each starts, in order (empty lines are no records). */
    private final ArrayDeque<Long> recordStarts = new ArrayDeque<>();

    /** @param limit characters a record may have, line breaks inside quoted fields included */
    BoundedRecordReader(Reader in, char delimiter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the maximum record size must be at least 1 character, not " + limit);
        }
        this.in = in;
        this.delimiter = delimiter;
        this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (overflowed) {
            throw new RecordTooLong(limit);
        }
        if (length == 0) {
            return 0;
        }
        boolean fromPending = pendingStart < pendingEnd;
        int count;
        if (fromPending) {
            count = Math.min(length, pendingEnd - pendingStart);
            System.arraycopy(pending, pendingStart, buffer, offset, count);
            pendingStart += count;
        } else {
            count = in.read(buffer, offset, length);
            if (count <= 0) {
                return count;
            }
        }
        for (int i = 0; i < count; i++) {
            scan(buffer[offset + i]);
            if (recordLength > limit) {
                // The parser gets the characters before this one (earlier records end there); the rest of the chunk
                // is kept for skipRecord, and the parser's next read fails.
                unread(buffer, offset + i + 1, count - i - 1, fromPending);
                overflowed = true;
                if (i == 0) {
                    throw new RecordTooLong(limit);
                }
                return i;
            }
        }
        return count;
    }

    /**
     * Reads past the rest of the record that was too long, keeping nothing of it but its first characters; the next
     * read starts after it. Called after the parser failed with {@link RecordTooLong}.
     */
    Skipped skipRecord() throws IOException {
        overflowed = false;
        // The parser returned the records before this one; this one it never will.
        recordStarts.clear();
        long ended = recordsEnded;
        while (recordsEnded == ended) {
            int c = nextChar();
            if (c < 0) {
                return state == State.QUOTED ? Skipped.MALFORMED : Skipped.RECORD;
            }
            scan((char) c);
            if (malformed) {
                return Skipped.MALFORMED;
            }
        }
        swallowLfAfterCr();
        return Skipped.RECORD;
    }

    /**
     * Skips whole lines from where this reader stands (CR, LF and CRLF each end one, as the parser counts them).
     *
     * @return the last skipped line, cut to {@code keep} characters ("..." marks a cut)
     */
    String skipLines(long lines, int keep) throws IOException {
        StringBuilder last = new StringBuilder();
        boolean cut = false;
        for (long skipped = 0; skipped < lines; ) {
            int c = nextChar();
            if (c < 0) {
                break;
            }
            if (c == '\n' && afterCr) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            if (c == '\r' || c == '\n') {
                skipped++;
                lineBreaks++;
                if (skipped < lines) {
                    last.setLength(0);
                    cut = false;
                }
            } else if (skipped == lines - 1) {
                if (last.length() < keep) {
                    last.append((char) c);
                } else {
                    cut = true;
                }
            }
        }
        swallowLfAfterCr();
        endRecord();
        return cut ? last + "..." : last.toString();
    }

    /** Line the current record starts on, counting from 1. */
    long recordLine() {
        return recordLine;
    }

    /**
     * The line the parser's next record starts on, counting from 1: call once per record the parser returns (or fails
     * on). The parser's own line count cannot tell, it stands at the end of the previous record, before empty lines.
     */
    long takeRecordStart() {
        Long start = recordStarts.poll();
        return start != null ? start : recordLine;
    }

    /** Line breaks read so far: the line the next record starts on, minus one. */
    long lineBreaks() {
        return lineBreaks;
    }

    /** The first {@link #PREFIX} characters of the current record, "..." marking a cut. */
    String recordPrefix() {
        return recordLength > prefix.length() ? prefix + "..." : prefix.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void scan(char c) {
        if (recordLength == 0 && c != '\r' && c != '\n') {
            recordStarts.add(recordLine);
        }
        if (c == '\r' || (c == '\n' && !afterCr)) {
            lineBreaks++;
        }
        afterCr = c == '\r';
        recordLength++;
        if (prefix.length() < PREFIX) {
            prefix.append(c);
        }
        boolean lineEnd = c == '\r' || c == '\n';
        switch (state) {
            case QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                } else {
                    afterQuote(c, lineEnd);
                }
            }
            case AFTER_QUOTE -> afterQuote(c, lineEnd);
            case FIELD_START -> {
                if (c == QUOTE) {
                    state = State.QUOTED;
                } else {
                    unquoted(c, lineEnd);
                }
            }
            case UNQUOTED -> unquoted(c, lineEnd);
        }
    }

    /** After a quoted field's closing quote only blanks may come before the delimiter or line end (else the parser fails). */
    private void afterQuote(char c, boolean lineEnd) {
        if (c == delimiter) {
            state = State.FIELD_START;
        } else if (lineEnd) {
            endRecord();
        } else if (Character.isWhitespace(c)) {
            state = State.AFTER_QUOTE;
        } else {
            malformed = true;
            state = State.UNQUOTED;
        }
    }

    private void unquoted(char c, boolean lineEnd) {
        if (c == delimiter) {
            state = State.FIELD_START;
        } else if (lineEnd) {
            endRecord();
        } else {
            state = State.UNQUOTED;
        }
    }

    private void endRecord() {
        state = State.FIELD_START;
        malformed = false;
        recordLength = 0;
        prefix.setLength(0);
        recordsEnded++;
        recordLine = lineBreaks + 1;
    }

    /** A CR that ended a record or line may be the first half of a CRLF: its LF must not reach the parser as a line. */
    private void swallowLfAfterCr() throws IOException {
        if (afterCr && (pendingStart < pendingEnd || fill()) && pending[pendingStart] == '\n') {
            pendingStart++;
        }
        afterCr = false;
    }

    private int nextChar() throws IOException {
        if (pendingStart == pendingEnd && !fill()) {
            return -1;
        }
        return pending[pendingStart++];
    }

    private boolean fill() throws IOException {
        int count;
        do {
            count = in.read(pending, 0, pending.length);
        } while (count == 0);
        pendingStart = 0;
        pendingEnd = Math.max(count, 0);
        return count > 0;
    }

    private void unread(char[] buffer, int from, int count, boolean fromPending) {
        if (fromPending) {
            pendingStart -= count;
            return;
        }
        if (pending.length < count) {
            pending = new char[count];
        }
        System.arraycopy(buffer, from, pending, 0, count);
        pendingStart = 0;
        pendingEnd = count;
    }
}
