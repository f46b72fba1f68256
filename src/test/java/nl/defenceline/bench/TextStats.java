package nl.defenceline.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How realistic a benchmark export's texts are: their mean length and the share of distinct texts, as written and as
 * the classifier sees them (cleaned), so a repeated text cannot make the job look faster than on a real inbox. Texts
 * are told apart by a 64-bit hash (a collision among 5 million texts has a chance below one in a million).
 * Usage: {@code TextStats EXPORT_DIR}.
 */
public final class TextStats {

    private TextStats() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TextStats EXPORT_DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        print("tickets", dir.resolve("tickets.csv"), TicketColumns.SUBJECT.header(), TicketColumns.BODY.header());
        print("stock questions", dir.resolve("stock_questions.csv"), StockQuestionColumns.TEXT.header());
    }

    /** One line: {@code NAME: N texts, mean M chars, distinct D %, distinct after cleaning C %}. */
    private static void print(String name, Path file, String... columns) throws IOException {
        long[] raw = new long[1024];
        long[] cleaned = new long[1024];
        int count = 0;
        long chars = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                StringBuilder text = new StringBuilder();
                for (String column : columns) {
                    String value = record.get(column);
                    chars += value.length();
                    text.append(value).append('\n');
                }
                if (count == raw.length) {
                    raw = Arrays.copyOf(raw, count * 2);
                    cleaned = Arrays.copyOf(cleaned, count * 2);
                }
                raw[count] = hash(text);
                cleaned[count] = hash(TextCleaner.clean(text.toString()));
                count++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d texts, mean %.1f chars, distinct %.2f %%, distinct after cleaning %.2f %%%n",
                name, count, count == 0 ? 0.0 : (double) chars / count, share(raw, count), share(cleaned, count));
    }

    private static double share(long[] hashes, int count) {
        if (count == 0) {
            return 100.0;
        }
        long[] sorted = Arrays.copyOf(hashes, count);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return 100.0 * distinct / count;
    }

    /** A 64-bit polynomial hash of the characters with MurmurHash3's finaliser. */
    private static long hash(CharSequence text) {
        long h = 0x9E3779B97F4A7C15L ^ text.length();
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
