package nl.defenceline.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes report tables as UTF-8 CSV with a byte-order mark and a header row, spreadsheet-safe, with stable number
 * formatting. The byte-order mark is what makes Excel read the file as UTF-8 (without one, a Dutch Windows reads it as
 * Windows-1252 and shows 'BelgiÃ«').
 *
 * <p>Two dialects: ',' (the default, RFC 4180, decimals with a point) and ';' for Excel with a Dutch (or other
 * decimal-comma) list separator, where decimals are written with a decimal comma ({@code 0,1234}): Dutch Excel reads
 * {@code 0.1234} in a ';' file as text, not as a number. Other values are the same in both dialects.
 */
public final class CsvTableWriter {

    /** The delimiters a CSV can be written with. */
    public static final List<Character> DELIMITERS = List.of(',', ';');

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvTableWriter() {
    }

    /** Throws if {@code delimiter} is not one of {@link #DELIMITERS}, listing them. */
    public static char checkDelimiter(char delimiter) {
        if (!DELIMITERS.contains(delimiter)) {
            throw new IllegalArgumentException("unknown CSV delimiter '" + delimiter + "', expected one of "
                    + DELIMITERS.stream().map(d -> "'" + d + "'").toList());
        }
        return delimiter;
    }

    public static void write(OutputFolder folder, String name, Table table) {
        write(folder, name, table, ',');
    }

    public static void write(OutputFolder folder, String name, Table table, char delimiter) {
        write(folder, name, table.header(), table.rows().iterator(), delimiter);
    }

    /** Streams rows into a file, for tables too large to hold at once (rejects). */
    public static void write(OutputFolder folder, String name, List<String> header, Iterator<List<Object>> rows,
                             char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setDelimiter(checkDelimiter(delimiter)).get();
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(folder.create(name), StandardCharsets.UTF_8));
                 CSVPrinter printer = new CSVPrinter(out, format)) {
                out.write(BYTE_ORDER_MARK);
                printer.printRecord(header);
                while (rows.hasNext()) {
                    List<Object> row = rows.next();
                    for (Object value : row) {
                        printer.print(format(value, delimiter));
                    }
                    printer.println();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Cell text in the ',' dialect. */
    static String format(Object value) {
        return format(value, ',');
    }

    /**
     * Cell text: decimals to 4 places (with a decimal comma in the ';' dialect), other numbers as they are, everything
     * else as its string, spreadsheet-safe. Numbers are not neutralised: a negative count is a number, not a formula.
     */
    static String format(Object value, char delimiter) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            String text = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).toPlainString();
            return delimiter == ';' ? text.replace('.', ',') : text;
        }
        if (value instanceof BigDecimal decimal) {
            String text = decimal.toPlainString();
            return delimiter == ';' ? text.replace('.', ',') : text;
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return SpreadsheetSafe.cell(value.toString());
    }
}
