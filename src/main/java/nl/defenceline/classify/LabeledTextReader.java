package nl.defenceline.classify;

import java.io.BufferedReader;
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
import java.util.stream.Stream;
import nl.defenceline.UserError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled texts: a CSV file, or every *.csv in a folder (in name order, so training is repeatable). Columns:
 * {@code text} and {@code category} or {@code expected_category}; {@code language} and {@code source} (the corpus a
 * text was taken from) are optional.
 */
public final class LabeledTextReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get();

    private LabeledTextReader() {
    }

    /** The CSV files a folder or file argument stands for, sorted by name. */
    public static List<Path> files(Path location) {
        if (Files.isDirectory(location)) {
            try (Stream<Path> listing = Files.list(location)) {
                List<Path> files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
                if (files.isEmpty()) {
                    throw new UserError("no *.csv files with labelled texts in " + location);
                }
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.exists(location)) {
            throw new UserError("labelled data " + location + " does not exist");
        }
        return List.of(location);
    }

    /**
     * Reads all labelled texts under a location.
     *
     * @throws UserError on a missing column or an unknown category, naming file and line
     */
    public static List<LabeledText> read(Path location) {
        List<LabeledText> texts = new ArrayList<>();
        for (Path file : files(location)) {
            texts.addAll(readFile(file, null));
        }
        return texts;
    }

    /** Labelled texts from a shop, and how many rows had no category yet (e.g. a review file not fully labelled). */
    public record ShopLabels(List<LabeledText> texts, int unlabelled) {
    }

    /**
     * Reads a shop's labelled texts, e.g. a reviewed {@code review/uncertain.csv}: rows whose category is still empty
     * are skipped and counted, an unknown category is still an error.
     *
     * @throws UserError on a missing column or an unknown category, naming file and line
     */
    public static ShopLabels readShopLabels(Path file) {
        int[] unlabelled = new int[1];
        List<LabeledText> texts = new ArrayList<>();
        for (Path one : files(file)) {
            texts.addAll(readFile(one, unlabelled));
        }
        return new ShopLabels(texts, unlabelled[0]);
    }

    /** @param unlabelled counts rows with an empty category, or null when such a row is an error */
    private static List<LabeledText> readFile(Path file, int[] unlabelled) {
        List<LabeledText> texts = new ArrayList<>();
        try (Reader in = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = FORMAT.parse(in)) {
            String categoryColumn = parser.getHeaderMap().containsKey("category") ? "category" : "expected_category";
            for (String required : List.of("text", categoryColumn)) {
                if (!parser.getHeaderMap().containsKey(required)) {
                    throw new UserError(file + ": required column " + required + " is missing (header has: "
                            + parser.getHeaderNames() + "); expected text and category or expected_category");
                }
            }
            boolean hasLanguage = parser.getHeaderMap().containsKey("language");
            boolean hasOrigin = parser.getHeaderMap().containsKey("source");
            String fileName = file.getFileName().toString();
            for (CSVRecord record : parser) {
                String where = file.getFileName() + ":" + parser.getCurrentLineNumber();
                String label = record.get(categoryColumn);
                if (unlabelled != null && label.isBlank()) {
                    unlabelled[0]++;
                    continue;
                }
                Category category = Category.parse(label).orElseThrow(() -> new UserError(
                        where + ": unknown category '" + label + "', expected one of " + Category.names()));
                String language = hasLanguage ? record.get("language").toLowerCase(Locale.ROOT) : "";
                String origin = hasOrigin && !record.get("source").isBlank() ? record.get("source") : fileName;
                texts.add(new LabeledText(category, language, record.get("text"), where, origin));
            }
        } catch (NoSuchFileException e) {
            throw new UserError("labelled data " + file + " does not exist");
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UserError(file + ": cannot be read as labelled CSV: " + e.getMessage());
        }
        return texts;
    }

    /**
     * Skips a UTF-8 byte-order mark, which our own CSVs (a review file) and Excel's "CSV UTF-8" start with; Commons CSV
     * would make it part of the first column's name.
     */
    private static Reader withoutByteOrderMark(BufferedReader in) throws IOException {
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }
}
