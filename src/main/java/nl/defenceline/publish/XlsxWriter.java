package nl.defenceline.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes report tables as one Excel workbook, a sheet per table: numbers, booleans and dates typed (so Excel on any
 * locale reads them without an import dialog), the header row bold and frozen, text spreadsheet-safe as in the CSVs.
 */
public final class XlsxWriter {

    /** Excel's limit on a sheet name's length. */
    static final int SHEET_NAME_LENGTH = 31;

    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final int MAX_COLUMN_WIDTH = 60;

    /** One sheet of a workbook: its name (made valid for Excel on writing) and its table. */
    public record Sheet(String name, Table table) {
    }

    private XlsxWriter() {
    }

    /** Writes (or replaces) the workbook {@code name} below {@code folder}. */
    public static void write(OutputFolder folder, String name, List<Sheet> sheets) {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet: " + name);
        }
        try (OutputStream out = folder.create(name)) {
            Workbook workbook = new Workbook(out, "Defence Line", null);
            Set<String> used = new HashSet<>();
            for (Sheet sheet : sheets) {
                writeSheet(workbook.newWorksheet(uniqueSheetName(sheet.name(), used)), sheet.table());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void writeSheet(Worksheet sheet, Table table) {
        List<String> header = table.header();
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
            widths[c] = header.get(c).length();
        }
        int r = 1;
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size() && c < header.size(); c++) {
                widths[c] = Math.max(widths[c], cell(sheet, r, c, row.get(c)));
            }
            r++;
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, Math.min(MAX_COLUMN_WIDTH, widths[c] + 2));
        }
        sheet.freezePane(0, 1);
        if (!header.isEmpty()) {
            sheet.setAutoFilter(0, 0, header.size() - 1);
        }
    }

    /** Writes one typed cell; returns roughly how many characters wide it shows. */
    private static int cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return 0;
            }
            // The same four places as the CSVs, so a workbook and its CSV show the same figures.
            BigDecimal rounded = BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
            sheet.value(r, c, rounded);
            return rounded.toPlainString().length();
        }
        if (value instanceof Number number) {
            sheet.value(r, c, number);
            return number.toString().length();
        }
        if (value instanceof Boolean bool) {
            sheet.value(r, c, bool);
            return 5;
        }
        if (value instanceof java.sql.Date date) {
            return date(sheet, r, c, date.toLocalDate());
        }
        if (value instanceof LocalDate date) {
            return date(sheet, r, c, date);
        }
        if (value instanceof Timestamp timestamp) {
            return dateTime(sheet, r, c, timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime(sheet, r, c, dateTime);
        }
        String text = SpreadsheetSafe.cell(value.toString());
        sheet.value(r, c, text);
        return text.length();
    }

    private static int date(Worksheet sheet, int r, int c, LocalDate date) {
        sheet.value(r, c, date);
        sheet.style(r, c).format(DATE_FORMAT).set();
        return DATE_FORMAT.length();
    }

    private static int dateTime(Worksheet sheet, int r, int c, LocalDateTime dateTime) {
        sheet.value(r, c, dateTime);
        sheet.style(r, c).format(DATE_TIME_FORMAT).set();
        return DATE_TIME_FORMAT.length();
    }

    /**
     * A name Excel accepts: none of []:*?/\, no leading or trailing apostrophe, at most 31 characters, not empty, and
     * unlike the names already used (Excel compares them ignoring case).
     */
    static String uniqueSheetName(String wanted, Set<String> used) {
        String name = wanted.replaceAll("[\\[\\]:*?/\\\\]", "-").replaceAll("^'+|'+$", "").strip();
        if (name.isEmpty()) {
            name = "sheet";
        }
        if (name.length() > SHEET_NAME_LENGTH) {
            name = name.substring(0, SHEET_NAME_LENGTH);
        }
        String candidate = name;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), SHEET_NAME_LENGTH - suffix.length())) + suffix;
        }
        return candidate;
    }
}
