package nl.defenceline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a large delimited file can be cut into pieces that are parsed in parallel: at record starts outside quoted
 * fields, with the line each piece starts on. The file's bytes are cut into chunks, each chunk is scanned on its own
 * (in parallel) from every state the CSV lexer may be in at its first byte, and the driver then follows the one true
 * state from the file's start through the chunks' results, which gives the first record start in each chunk.
 *
 * <p>The states and their transitions are {@link BoundedRecordReader}'s, which follow Commons CSV's RFC 4180 lexer
 * (a quote opens a quoted field only at the start of a field, a doubled quote inside one is a literal quote, a line
 * break outside quotes ends the record). Those are the parser's record boundaries only while every record is well
 * formed: after a malformed one the reader resumes on the line after its start, which no scan of states foresees. So
 * a file in which the true state ever fails (text after a closing quote, a quote open at the end of the file) is not
 * cut at all and is read whole, as before; so is one whose header does not end in its first bytes. Only bytes are
 * looked at: the file must be in an encoding where quote, delimiter, CR and LF are single ASCII bytes that occur in no
 * other character (UTF-8, windows-1252). Any other byte is an ordinary character, except after a closing quote, where
 * a non-ASCII byte counts as a failure (it might be a whitespace character the lexer skips): the file is then read
 * whole, which is slower, never wrong.
 */
final class RecordBoundaries {

    static final int FIELD_START = 0;
    static final int UNQUOTED = 1;
    static final int QUOTED = 2;
    static final int QUOTE_IN_QUOTED = 3;
    static final int AFTER_QUOTE = 4;
    /** The lexer would fail here: text after a closing quote. Stays failed. */
    static final int FAILED = 5;
    /** The states a chunk may start in. */
    static final int STATES = 5;
    /** Added to a state by {@link #next}: the character ended a record. */
    private static final int ENDED = 8;
    private static final int BUFFER = 64 * 1024;

    private RecordBoundaries() {
    }

    /**
     * One chunk's scan, for each state it may start in ({@code FIELD_START} ... {@code AFTER_QUOTE}).
     *
     * @param lineBreaks   line breaks in the chunk as the parser counts them (CR, LF, CRLF once)
     * @param endState     the state after the chunk's last byte
     * @param firstStart   the offset of the first record start after a record end in the chunk (after the whole
     *                     line break, so it may be the chunk's end plus one for a CRLF across it), or -1 if none
     * @param linesToFirst line breaks in the chunk before {@code firstStart}
     */
    record Chunk(long start, long end, long lineBreaks, int[] endState, long[] firstStart, long[] linesToFirst)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A piece of a file: a byte range from one record start to the next piece's, and the lines before it. */
    record Piece(long start, long end, long linesBefore) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The lexer's state after one character; {@link #ENDED} is added when the character ends a record. */
    static int next(int state, int c, char delimiter) {
        return switch (state) {
            case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? QUOTED : afterQuote(c, delimiter);
            case AFTER_QUOTE -> afterQuote(c, delimiter);
            case FIELD_START -> c == '"' ? QUOTED : unquoted(c, delimiter);
            case UNQUOTED -> unquoted(c, delimiter);
            default -> FAILED;
        };
    }

    private static int afterQuote(int c, char delimiter) {
        if (c == delimiter) {
            return FIELD_START;
        }
        if (c == '\r' || c == '\n') {
            return FIELD_START + ENDED;
        }
        // Only blanks may follow a closing quote; a non-ASCII byte may be part of a blank (see the class comment).
        return c < 0x80 && Character.isWhitespace((char) c) ? AFTER_QUOTE : FAILED;
    }

    private static int unquoted(int c, char delimiter) {
        if (c == delimiter) {
            return FIELD_START;
        }
        return c == '\r' || c == '\n' ? FIELD_START + ENDED : UNQUOTED;
    }

    /**
     * Scans the bytes of one chunk from each state.
     *
     * @param in        the file's bytes from {@code start}, at least to {@code end} and one byte beyond if there is one
     * @param afterCr   whether the byte before {@code start} is a CR (an LF right after it is not a line of its own)
     */
    static Chunk scan(InputStream in, long start, long end, boolean afterCr, char delimiter) throws IOException {
        int[] state = new int[STATES];
        long[] first = new long[STATES];
        long[] linesToFirst = new long[STATES];
        for (int s = 0; s < STATES; s++) {
            state[s] = s;
            first[s] = -1;
        }
        // A record ended by a CR starts after the LF that may follow it: the start is fixed at the next byte.
        boolean[] crEnded = new boolean[STATES];
        // Once the lanes that have not failed are in one state, lane 0 goes on for all of them: live says which,
        // frozenFirst what each had found by then (a lane that had not yet gets lane 0's first record start).
        boolean[] live = null;
        long[] frozenFirst = null;
        long[] frozenLines = null;
        long lines = 0;
        boolean cr = afterCr;
        byte[] buffer = new byte[BUFFER];
        long position = start;
        int count;
        scanning:
        while (position <= end && (count = in.read(buffer, 0, (int) Math.min(buffer.length, end + 1 - position))) > 0) {
            for (int i = 0; i < count; i++, position++) {
                int c = buffer[i] & 0xFF;
                int lanes = live != null ? 1 : STATES;
                for (int s = 0; s < lanes; s++) {
                    if (crEnded[s]) {
                        crEnded[s] = false;
                        if (c != '\n' || position == end) {
                            first[s] = c == '\n' ? position + 1 : position;
                            linesToFirst[s] = lines;
                        }
                    }
                }
                if (position == end) {
                    break scanning;
                }
                boolean lineBreak = c == '\r' || (c == '\n' && !cr);
                cr = c == '\r';
                long linesAfter = lines + (lineBreak ? 1 : 0);
                for (int s = 0; s < lanes; s++) {
                    state[s] = step(state[s], c, delimiter, position, linesAfter, first, linesToFirst, crEnded, s);
                }
                lines = linesAfter;
                if (live == null && (live = oneState(state, crEnded)) != null) {
                    frozenFirst = first.clone();
                    frozenLines = linesToFirst.clone();
                    for (int s = 0; s < STATES; s++) {
                        if (live[s]) {
                            state[0] = state[s];
                        }
                    }
                    first[0] = -1;
                }
            }
        }
        if (position < end) {
            throw new IOException("file ended at byte " + position + ", before the chunk's end " + end);
        }
        int lanes = live != null ? 1 : STATES;
        for (int s = 0; s < lanes; s++) {
            if (crEnded[s]) {
                // The file ends right after the CR.
                first[s] = end;
                linesToFirst[s] = lines;
            }
        }
        if (live != null) {
            for (int s = STATES - 1; s >= 0; s--) {
                boolean found = frozenFirst[s] >= 0;
                state[s] = live[s] ? state[0] : FAILED;
                first[s] = found ? frozenFirst[s] : first[0];
                linesToFirst[s] = found ? frozenLines[s] : linesToFirst[0];
            }
        }
        return new Chunk(start, end, lines, state, first, linesToFirst);
    }

    /** One lane's step; records its first record start. */
    private static int step(int state, int c, char delimiter, long position, long linesAfter, long[] first,
                            long[] linesToFirst, boolean[] crEnded, int lane) {
        int next = next(state, c, delimiter);
        if (next >= ENDED) {
            next -= ENDED;
            if (first[lane] < 0 && !crEnded[lane]) {
                if (c == '\r') {
                    crEnded[lane] = true;
                    linesToFirst[lane] = linesAfter;
                } else {
                    first[lane] = position + 1;
                    linesToFirst[lane] = linesAfter;
                }
            }
        }
        return next;
    }

    /**
     * Whether the lanes that have not failed are all in one state, none with a record start pending after a CR: every
     * byte after this affects them alike. Failed lanes stay failed.
     *
     * @return which lanes were live; null if they are not in one state yet
     */
    private static boolean[] oneState(int[] state, boolean[] crEnded) {
        boolean[] live = new boolean[STATES];
        int lead = -1;
        for (int s = 0; s < STATES; s++) {
            if (state[s] == FAILED) {
                continue;
            }
            live[s] = true;
            if (crEnded[s] || (lead >= 0 && state[s] != state[lead])) {
                return null;
            }
            lead = s;
        }
        return live;
    }

    /**
     * Where the header record (the first record that is not an empty line) ends, from the file's first bytes.
     *
     * @return the offset after its line break, or -1 if it does not end within {@code sample}
     */
    static long headerEnd(byte[] sample, int from, char delimiter) {
        int state = FIELD_START;
        boolean empty = true;
        for (int i = from; i < sample.length; i++) {
            int c = sample[i] & 0xFF;
            int next = next(state, c, delimiter);
            if (next == FAILED) {
                return -1;
            }
            if (next >= ENDED) {
                if (!empty) {
                    if (c == '\r') {
                        return i + 1 < sample.length ? (sample[i + 1] == '\n' ? i + 2 : i + 1) : -1;
                    }
                    return i + 1;
                }
                next -= ENDED;
            } else {
                empty = false;
            }
            state = next;
        }
        return -1;
    }

    /**
     * The pieces of a file from its chunks' scans, in file order: the first piece starts at 0 (with the header), each
     * other one at the first record start in a chunk, after the header.
     *
     * @param firstChunkStart where the first chunk starts (after a byte-order mark), in state {@code FIELD_START}
     * @param headerEnd       where the header record ends: no piece starts before it
     * @return the pieces, or empty when the file is to be read whole (the lexer would fail somewhere in it)
     */
    static Optional<List<Piece>> pieces(List<Chunk> chunks, long length, long headerEnd) {
        List<long[]> starts = new ArrayList<>();
        starts.add(new long[] {0, 0});
        int state = FIELD_START;
        long lines = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Chunk chunk = chunks.get(k);
            long first = chunk.firstStart()[state];
            long last = starts.get(starts.size() - 1)[0];
            if (k > 0 && first >= 0 && first > last && first >= headerEnd && first < length) {
                starts.add(new long[] {first, lines + chunk.linesToFirst()[state]});
            }
            state = chunk.endState()[state];
            if (state == FAILED) {
                return Optional.empty();
            }
            lines += chunk.lineBreaks();
        }
        if (state == QUOTED) {
            // A quote open at the end of the file: the parser fails there and resumes after the line it opened on.
            return Optional.empty();
        }
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1)[0] : length;
            pieces.add(new Piece(starts.get(i)[0], end, starts.get(i)[1]));
        }
        return Optional.of(pieces);
    }
}
