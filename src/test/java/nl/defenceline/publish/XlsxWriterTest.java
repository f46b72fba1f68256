package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTest {

    private static final Table COMPLAINTS = new Table(List.of("sku", "tickets", "share", "recurring", "since"),
            List.of(Arrays.asList("JRK-101", 12L, 0.123456, true, java.sql.Date.valueOf("2026-11-02")),
                    Arrays.asList("=HYPERLINK(\"http://evil.example\",\"x\")", -3, 1.0, false, LocalDate.of(2026, 1, 31)),
                    Arrays.asList("België", null, null, null, null)));

    @Test
    void writesNumbersBooleansAndDatesTypedAndTextSpreadsheetSafe(@TempDir Path dir) throws Exception {
        XlsxWriter.write(OutputFolder.local(dir), "o/products.xlsx", List.of(new XlsxWriter.Sheet("complaints", COMPLAINTS)));

        List<Row> rows = rows(dir.resolve("o/products.xlsx"), 0);
        assertEquals(List.of("sku", "tickets", "share", "recurring", "since"),
                rows.get(0).stream().map(c -> c.getText()).toList());
        Row first = rows.get(1);
        assertEquals(CellType.STRING, first.getCell(0).getType());
        assertEquals(CellType.NUMBER, first.getCell(1).getType());
        assertEquals(new BigDecimal("12"), first.getCell(1).asNumber());
        assertEquals(0, new BigDecimal("0.1235").compareTo(first.getCell(2).asNumber()), "four places, as in the CSV");
        assertEquals(CellType.BOOLEAN, first.getCell(3).getType());
        assertEquals(true, first.getCell(3).asBoolean());
        assertEquals(CellType.NUMBER, first.getCell(4).getType(), "a date is a number with a date format");
        assertEquals(LocalDate.of(2026, 11, 2), first.getCell(4).asDate().toLocalDate());
        assertEquals("yyyy-mm-dd", first.getCell(4).getDataFormatString());

        Row second = rows.get(2);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", second.getCell(0).asString());
        assertEquals(CellType.NUMBER, second.getCell(1).getType(), "a negative count stays a number");
        assertEquals(0, new BigDecimal("-3").compareTo(second.getCell(1).asNumber()));
        assertEquals(LocalDate.of(2026, 1, 31), second.getCell(4).asDate().toLocalDate());

        Row third = rows.get(3);
        assertEquals("België", third.getCell(0).asString());
        assertTrue(third.getOptionalCell(1).map(c -> c.getType() == CellType.EMPTY).orElse(true), "null is an empty cell");
        assertEquals(4, rows.size());
    }

    @Test
    void freezesABoldHeaderRowAndWritesNoFormulas(@TempDir Path dir) throws Exception {
        XlsxWriter.write(OutputFolder.local(dir), "p.xlsx", List.of(new XlsxWriter.Sheet("complaints", COMPLAINTS)));

        String sheet = entry(dir.resolve("p.xlsx"), "xl/worksheets/sheet1.xml");
        assertTrue(sheet.matches("(?s).*<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\".*"), sheet);
        assertFalse(sheet.contains("<f>"), "no cell is a formula");
        String headerStyle = sheet.replaceFirst("(?s).*?<c r=\"A1\"[^>]* s=\"(\\d+)\".*", "$1");
        String styles = entry(dir.resolve("p.xlsx"), "xl/styles.xml");
        List<String> xfs = Arrays.stream(styles.replaceFirst("(?s).*<cellXfs[^>]*>(.*?)</cellXfs>.*", "$1")
                .split("(?=<xf )")).filter(x -> x.startsWith("<xf ")).toList();
        String fontId = xfs.get(Integer.parseInt(headerStyle)).replaceFirst("(?s).*fontId=\"(\\d+)\".*", "$1");
        List<String> fonts = Arrays.stream(styles.replaceFirst("(?s).*<fonts[^>]*>(.*?)</fonts>.*", "$1")
                .split("(?=<font>|<font )")).filter(f -> f.startsWith("<font")).toList();
        assertTrue(fonts.get(Integer.parseInt(fontId)).contains("<b"), "header font is bold: " + fonts.get(Integer.parseInt(fontId)));
    }

    @Test
    void writesASheetPerTableWithNamesExcelAccepts(@TempDir Path dir) throws Exception {
        Table note = Table.note("not available: the export has no usable returns.csv");
        XlsxWriter.write(OutputFolder.local(dir), "p.xlsx", List.of(
                new XlsxWriter.Sheet("product-complaints", COMPLAINTS),
                new XlsxWriter.Sheet("recurring-return-reasons", note),
                new XlsxWriter.Sheet("stockout-hotspots", new Table(List.of("sku", "questions"), List.of()))));

        try (ReadableWorkbook workbook = new ReadableWorkbook(dir.resolve("p.xlsx").toFile())) {
            assertEquals(List.of("product-complaints", "recurring-return-reasons", "stockout-hotspots"),
                    workbook.getSheets().map(Sheet::getName).toList());
        }
        assertEquals("not available: the export has no usable returns.csv",
                rows(dir.resolve("p.xlsx"), 1).get(1).getCell(0).asString());
        assertEquals(1, rows(dir.resolve("p.xlsx"), 2).size(), "an empty table keeps its header");
    }

    @Test
    void makesSheetNamesValidShortAndUnique() {
        Set<String> used = new HashSet<>();
        assertEquals("a-b-c-d-e-f-g", XlsxWriter.uniqueSheetName("a[b]c:d*e?f/g", used));
        assertEquals("kpis-first-response", XlsxWriter.uniqueSheetName("kpis\\first-response", used));
        String longName = "email-answered-within-24h-per-channel";
        assertEquals(longName.substring(0, 31), XlsxWriter.uniqueSheetName(longName, used));
        assertEquals(longName.toUpperCase().substring(0, 27) + " (2)", XlsxWriter.uniqueSheetName(longName.toUpperCase(), used));
        assertEquals("sheet", XlsxWriter.uniqueSheetName("''", used));
    }

    private static List<Row> rows(Path file, int sheet) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            return workbook.getSheet(sheet).orElseThrow().read();
        }
    }

    private static String entry(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
