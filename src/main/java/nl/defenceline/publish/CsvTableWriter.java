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

/** Writes report tables as UTF-8 CSV with a header row, spreadsheet-safe, with stable number formatting. */
public final class CsvTableWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private CsvTableWriter() {
    }

    public static void write(OutputFolder folder, String name, Table table) {
        write(folder, name, table.header(), table.rows().iterator());
    }

    /** Streams rows into a file, for tables too large to hold at once (rejects). */
    public static void write(OutputFolder folder, String name, List<String> header, Iterator<List<Object>> rows) {
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(folder.create(name), StandardCharsets.UTF_8));
                 CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
                printer.printRecord(header);
                while (rows.hasNext()) {
                    List<Object> row = rows.next();
                    for (Object value : row) {
                        printer.print(format(value));
                    }
                    printer.println();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Cell text: decimals to 4 places, everything else as its string, all of it spreadsheet-safe. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        return SpreadsheetSafe.cell(value.toString());
    }
}
