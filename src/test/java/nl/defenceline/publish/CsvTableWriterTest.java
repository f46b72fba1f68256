package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTableWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"})
    void neutralisesCellsASpreadsheetWouldRun(String hostile) {
        assertEquals("'" + hostile, SpreadsheetSafe.cell(hostile));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertEquals("Jurk Lotte", SpreadsheetSafe.cell("Jurk Lotte"));
    }

    @Test
    void writesHeaderQuotedTextAndFourDecimalShares(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.csv");
        CsvTableWriter.write(OutputFolder.local(dir), "r.csv", new Table(List.of("name", "share", "n"),
                List.of(Arrays.asList("a, \"b\"", 0.123456, 3L), Arrays.asList("=1+1", 1.0, null))));
        assertEquals("\uFEFFname,share,n\n\"a, \"\"b\"\"\",0.1235,3\n'=1+1,1.0000,\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no checksum file or anything else beside the report");
        }
    }

    @Test
    void startsWithAUtf8ByteOrderMarkSoExcelReadsUtf8(@TempDir Path dir) throws Exception {
        CsvTableWriter.write(OutputFolder.local(dir), "r.csv", new Table(List.of("country"), List.of(List.of("België"))));
        byte[] bytes = Files.readAllBytes(dir.resolve("r.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c'}, Arrays.copyOf(bytes, 4));
        assertTrue(new String(bytes, StandardCharsets.UTF_8).endsWith("\nBelgië\n"));
    }

    @Test
    void writesDutchExcelsDialectWithSemicolonsAndDecimalCommas(@TempDir Path dir) throws Exception {
        CsvTableWriter.write(OutputFolder.local(dir), "r.csv", new Table(List.of("name", "share", "n", "change"),
                List.of(Arrays.asList("a; \"b\"", 0.123456, 3L, -2), Arrays.asList("a, b", 1.0, null, "=1+1"))), ';');
        assertEquals("\uFEFFname;share;n;change\n\"a; \"\"b\"\"\";0,1235;3;-2\na, b;1,0000;;'=1+1\n",
                Files.readString(dir.resolve("r.csv")));
    }

    @Test
    void leavesNegativeNumbersNumbers() {
        assertEquals("-3", CsvTableWriter.format(-3L));
        assertEquals("-0.5000", CsvTableWriter.format(-0.5));
        assertEquals("'-3", CsvTableWriter.format("-3"), "text that looks like a formula is still neutralised");
    }

    @Test
    void rejectsOtherDelimitersListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CsvTableWriter.checkDelimiter('\t'));
        assertTrue(e.getMessage().endsWith("expected one of [',', ';']"), e.getMessage());
    }
}
