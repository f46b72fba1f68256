package nl.defenceline;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a report CSV as the tests need it: header by name, its UTF-8 byte-order mark (for Excel) left out. */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static List<CSVRecord> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(content)).getRecords();
    }
}
