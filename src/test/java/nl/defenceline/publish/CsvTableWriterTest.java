package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("name,share,n\n\"a, \"\"b\"\"\",0.1235,3\n'=1+1,1.0000,\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no checksum file or anything else beside the report");
        }
    }
}
