package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import nl.defenceline.SharedSpark;
import nl.defenceline.cli.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile content (scripts, spreadsheet formulas, e-mail addresses, phone numbers, an IBAN, an address) goes in
 * through src/test/resources/privacy; none of it may come out in any report file.
 */
@ExtendWith(SharedSpark.class)
class PrivacyTest {

    private static final List<String> PERSONAL = List.of("jan.jansen@example.nl", "piet@example.com", "06-12345678",
            "0612345678", "+31612345678", "123 4567", "NL91ABNA0417164300", "Kerkstraat 12", "1234 AB");

    @Test
    void noPersonalDataScriptOrFormulaSurvivesIntoAnyOutput(SparkSession spark, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("reports");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // A threshold of 1 sends every text to review/uncertain.csv, so the review file is checked as well.
        int code = Main.run(new String[] {"run", "--input", "src/test/resources/privacy", "--output", output.toString(),
                        "--min-confidence", "1"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(output)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() > 20, "all reports written: " + files);
        String uncertain = Files.readString(output.resolve("review/uncertain.csv"));
        assertTrue(uncertain.contains("[e-mail]") && uncertain.contains("[phone]") && uncertain.contains("[IBAN]"),
                "the review file keeps the texts, redacted: " + uncertain);
        String dashboard = Files.readString(output.resolve("index.html"));
        assertTrue(dashboard.contains("&lt;script&gt;") || dashboard.contains("&lt;img"), "hostile text shown escaped");

        for (Path file : files) {
            String content = file.toString().endsWith(".xlsx") ? xlsxText(file)
                    : Files.readString(file, StandardCharsets.UTF_8);
            for (String personal : PERSONAL) {
                assertFalse(content.contains(personal), personal + " leaked into " + output.relativize(file));
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".html")) {
                String lower = content.toLowerCase(Locale.ROOT);
                for (String tag : List.of("<script", "<img", "<b>")) {
                    assertFalse(lower.contains(tag), tag + " unescaped in " + output.relativize(file));
                }
            }
            if (name.endsWith(".csv")) {
                assertSpreadsheetSafe(file);
            }
        }
    }

    private static void assertSpreadsheetSafe(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                for (String cell : record) {
                    if (cell.isEmpty()) {
                        continue;
                    }
                    char first = cell.charAt(0);
                    boolean formula = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                            || (first == '-' && !cell.matches("-\\d+(\\.\\d+)?"));
                    assertFalse(formula, "cell '" + cell + "' in " + file.getFileName() + " would run as a formula");
                }
            }
        }
    }

    /** The workbook's XML parts as text: its cells are in xl/sharedStrings.xml and xl/worksheets/. */
    private static String xlsxText(Path file) throws Exception {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(text.toString().contains("<f>"), "a formula in " + file.getFileName());
        return text.toString();
    }
}
