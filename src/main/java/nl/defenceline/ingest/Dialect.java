package nl.defenceline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * How one export file is written: compression, character encoding and delimiter, detected from its first bytes.
 * Helpdesks write UTF-8 (with or without byte-order mark), Excel on Windows writes Windows-1252 and, in Dutch
 * locales, semicolons.
 *
 * @param charset   UTF-8, UTF-16 (with a byte-order mark) or windows-1252
 * @param bomLength bytes of byte-order mark to skip
 * @param delimiter comma, semicolon, tab or pipe
 */
public record Dialect(Charset charset, int bomLength, char delimiter) {

    static final int SAMPLE = 64 * 1024;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    /** Opens a file's text, decompressing gzip and skipping a byte-order mark; the dialect is detected on the way. */
    public static Opened open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SAMPLE);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream content = in;
        if (b0 == 0x1F && b1 == 0x8B) {
            content = new BufferedInputStream(new GZIPInputStream(in, SAMPLE), SAMPLE);
        }
        content.mark(SAMPLE);
        byte[] sample = content.readNBytes(SAMPLE);
        content.reset();
        Dialect dialect = detect(sample, sample.length < SAMPLE);
        content.skipNBytes(dialect.bomLength());
        return new Opened(dialect, new InputStreamReader(content, dialect.charset()));
    }

    /**
     * A file's text in this dialect, for bytes that are not compressed.
     *
     * @param atFileStart whether the bytes start at the file's start, where the byte-order mark is skipped
     */
    Reader decode(InputStream raw, boolean atFileStart) throws IOException {
        InputStream in = new BufferedInputStream(raw, SAMPLE);
        if (atFileStart) {
            in.skipNBytes(bomLength);
        }
        return new InputStreamReader(in, charset);
    }

    /** A file opened for reading, with the dialect it was found to have. */
    public record Opened(Dialect dialect, Reader reader) {
    }

    static Dialect detect(byte[] sample, boolean wholeFile) {
        Charset charset;
        int bom = 0;
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(sample, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(sample, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            charset = isUtf8(sample, wholeFile) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(sample, bom, sample.length - bom, charset);
        return new Dialect(charset, bom, delimiter(firstLine(text)));
    }

    private static boolean startsWith(byte[] sample, int... prefix) {
        if (sample.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((sample[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(byte[] sample, boolean wholeFile) {
        int length = sample.length;
        if (!wholeFile) {
            // The sample may end inside a multi-byte character: drop continuation bytes and their lead at the end.
            while (length > 0 && (sample[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (sample[length - 1] & 0x80) != 0) {
                length--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first record's line, ignoring line breaks inside quotes. */
    private static String firstLine(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** The candidate delimiter that occurs most often outside quotes in the header line; comma on a tie or none. */
    private static char delimiter(String header) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char c = header.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
