package nl.defenceline.classify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.defenceline.UserError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled return comments: a CSV file, or every *.csv in a folder (in name order). Columns: {@code text} and
 * {@code category} or {@code expected_category} holding a {@link ReturnReason} name; {@code language} and
 * {@code source} are optional. The same layout as the ticket model's {@link LabeledTextReader}.
 */
public final class LabeledReasonReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get();

    private LabeledReasonReader() {
    }

    /**
     * Reads all labelled comments under a location.
     *
     * @throws UserError on a missing column or an unknown reason, naming file and line
     */
    public static List<LabeledReason> read(Path location) {
        List<LabeledReason> texts = new ArrayList<>();
        for (Path file : LabeledTextReader.files(location)) {
            texts.addAll(readFile(file));
        }
        return texts;
    }

    private static List<LabeledReason> readFile(Path file) {
        List<LabeledReason> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(in)) {
            String labelColumn = parser.getHeaderMap().containsKey("category") ? "category" : "expected_category";
            for (String required : List.of("text", labelColumn)) {
                if (!parser.getHeaderMap().containsKey(required)) {
                    throw new UserError(file + ": required column " + required + " is missing (header has: "
                            + parser.getHeaderNames() + "); expected text and category or expected_category");
                }
            }
            boolean hasLanguage = parser.getHeaderMap().containsKey("language");
            boolean hasOrigin = parser.getHeaderMap().containsKey("source");
            for (CSVRecord record : parser) {
                String where = file.getFileName() + ":" + parser.getCurrentLineNumber();
                String label = record.get(labelColumn);
                ReturnReason reason = ReturnReason.parse(label).orElseThrow(() -> new UserError(
                        where + ": unknown return reason '" + label + "', expected one of " + ReturnReason.names()));
                String language = hasLanguage ? record.get("language").toLowerCase(Locale.ROOT) : "";
                String origin = hasOrigin && !record.get("source").isBlank() ? record.get("source")
                        : file.getFileName().toString();
                texts.add(new LabeledReason(reason, language, record.get("text"), where, origin));
            }
        } catch (NoSuchFileException e) {
            throw new UserError("labelled data " + file + " does not exist");
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UserError(file + ": cannot be read as labelled CSV: " + e.getMessage());
        }
        return texts;
    }
}
