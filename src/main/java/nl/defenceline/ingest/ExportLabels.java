package nl.defenceline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.defenceline.UserError;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The labels a shop already keeps on its tickets (Zendesk's Tags, Freshdesk's Type, a category field of its own),
 * mapped onto categories, as labelled texts to train on. A ticket whose mapped values disagree is skipped; values
 * without a mapping are ignored; both are counted, so the shop sees what its map covers.
 */
public final class ExportLabels {

    /** Separators between several values in one cell: Zendesk writes tags space-separated, others use commas. */
    private static final Pattern SEVERAL = Pattern.compile("[,;|]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * What came out of an export.
     *
     * @param texts       one labelled text per ticket whose values map to exactly one category
     * @param tickets     ticket rows read
     * @param unmapped    tickets none of whose values are in the map (or whose label cell is empty)
     * @param conflicting tickets whose values map to more than one category
     * @param unusable    rows that are not a ticket the run would read (wrong field count, no id, no text)
     * @param unmappedValues the values seen that the map does not cover, most frequent first (at most 20)
     */
    public record Result(List<LabeledText> texts, long tickets, long unmapped, long conflicting, long unusable,
                         List<String> unmappedValues) {
    }

    private ExportLabels() {
    }

    /**
     * Reads the label map: a CSV with the columns {@code value,category}; values match case-insensitively.
     *
     * @throws UserError on a missing file or column, or an unknown category (naming the line and the valid ones)
     */
    public static Map<String, Category> readMap(java.nio.file.Path file) {
        Map<String, Category> map = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            for (String column : List.of("value", "category")) {
                if (!parser.getHeaderMap().containsKey(column)) {
                    throw new UserError(file + ": required column " + column + " is missing (header has: "
                            + parser.getHeaderNames() + "); expected value,category");
                }
            }
            for (CSVRecord record : parser) {
                String label = record.get("category");
                Category category = Category.parse(label).orElseThrow(() -> new UserError(file.getFileName() + ":"
                        + parser.getCurrentLineNumber() + ": unknown category '" + label + "', expected one of "
                        + Category.names()));
                map.put(key(record.get("value")), category);
            }
        } catch (NoSuchFileException e) {
            throw new UserError("label map " + file + " does not exist");
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UserError(file + ": cannot be read as a label map CSV: " + e.getMessage());
        }
        if (map.isEmpty()) {
            throw new UserError("label map " + file + " maps no values");
        }
        return map;
    }

    /**
     * The labelled tickets of an export folder; a ticket id seen in several files counts once (the last file wins,
     * as in a run).
     *
     * @param column the tickets' column that holds the labels, by its header name (case-insensitive); in a Zendesk
     *               JSON export a ticket field ({@code tags}, {@code type}) or {@code custom_fields.<id>}
     * @throws UserError when the folder has no tickets file or a tickets file lacks the column
     */
    public static Result read(String folder, String column, Map<String, Category> map) {
        ExportFolder export = ExportFolder.openTickets(folder, new Configuration());
        Tally tally = new Tally(map);
        for (ExportFolder.ExportFile file : export.files(Source.TICKETS)) {
            Path path = new Path(file.path());
            try {
                if (file.format() == ExportFolder.Format.ZENDESK_JSON) {
                    readJson(file, column, () -> path.getFileSystem(new Configuration()).open(path), tally);
                    continue;
                }
                try (InputStream in = path.getFileSystem(new Configuration()).open(path)) {
                    readCsv(file, column, in, tally);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new UserError(file.name() + ": cannot be read: " + e.getMessage());
            }
        }
        return tally.result();
    }

    private static void readCsv(ExportFolder.ExportFile file, String column, InputStream in, Tally tally)
            throws IOException {
        Dialect.Opened opened = Dialect.open(in);
        try (CSVParser parser = SourceFileReader.format(opened.dialect()).parse(opened.reader())) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.next().toList();
            HeaderMapping mapping = HeaderMapping.of(Source.TICKETS, file.mapping(), file.name(), header);
            int labelAt = position(header, column);
            if (labelAt < 0) {
                throw new UserError(file.name() + ": has no column '" + column + "' to take labels from"
                        + " (header has: " + header + ")");
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                String id = field(record, mapping.position(TicketColumns.TICKET_ID));
                String text = String.join("\n", nonBlank(field(record, mapping.position(TicketColumns.SUBJECT)),
                        field(record, mapping.position(TicketColumns.BODY))));
                boolean usable = record.size() == mapping.width() && !id.isBlank() && !text.isBlank();
                tally.add(usable, id, text, usable ? record.get(labelAt) : "",
                        file.name() + ":" + parser.getCurrentLineNumber(), file.name());
            }
        }
    }

    /**
     * A Zendesk JSON export: the label field is a ticket field ({@code tags}, {@code type}, ...) or
     * {@code custom_fields.<id>}; the text is what a run classifies, so internal notes never become training text.
     */
    private static void readJson(ExportFolder.ExportFile file, String column, SourceFileReader.Opener opener,
                                 Tally tally) throws IOException {
        ZendeskJsonReader reader = new ZendeskJsonReader(Map.of(file.name(), file.order()),
                java.time.Instant.MAX, ExportReader.DEFAULT_MAX_FIELD_SIZE);
        boolean fieldSeen = false;
        long usable = 0;
        for (Iterator<ZendeskJsonReader.Ticket> tickets = reader.tickets(opener); tickets.hasNext(); ) {
            ZendeskJsonReader.Ticket ticket = tickets.next();
            String cell = ticket.json() == null || !ticket.json().isObject() ? null
                    : ZendeskJsonReader.labelCell(ticket.json(), column);
            fieldSeen |= cell != null;
            Object[] values = ticket.values();
            String text = values == null ? "" : String.join("\n", nonBlank(
                    Objects.toString(values[TicketColumns.SUBJECT.ordinal()], ""),
                    Objects.toString(values[TicketColumns.BODY.ordinal()], "")));
            usable += values == null ? 0 : 1;
            tally.add(values != null, ticket.id(), text, cell == null ? "" : cell,
                    file.name() + ":" + ticket.line(), file.name());
        }
        if (usable > 0 && !fieldSeen) {
            throw new UserError(file.name() + ": no ticket has a field '" + column + "' to take labels from"
                    + " (a ticket field such as tags or type, or custom_fields.<id>)");
        }
    }

    /** Counts of an export's labelled tickets; a ticket id seen again replaces the earlier one. */
    private static final class Tally {
        private final Map<String, Category> map;
        private final Map<String, LabeledText> byId = new LinkedHashMap<>();
        private final Map<String, Long> unmappedValues = new LinkedHashMap<>();
        private long tickets;
        private long unmapped;
        private long conflicting;
        private long unusable;

        Tally(Map<String, Category> map) {
            this.map = map;
        }

        void add(boolean usable, String id, String text, String cell, String where, String fileName) {
            tickets++;
            if (!usable) {
                unusable++;
                return;
            }
            Set<Category> categories = new LinkedHashSet<>();
            for (String value : values(cell, map)) {
                Category category = map.get(key(value));
                if (category != null) {
                    categories.add(category);
                } else {
                    unmappedValues.merge(value, 1L, Long::sum);
                }
            }
            if (categories.isEmpty()) {
                unmapped++;
            } else if (categories.size() > 1) {
                conflicting++;
            } else {
                byId.put(id, new LabeledText(categories.iterator().next(), "", text, where, fileName));
            }
        }

        Result result() {
            List<String> topUnmapped = unmappedValues.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(20).map(Map.Entry::getKey)
                    .toList();
            return new Result(new ArrayList<>(byId.values()), tickets, unmapped, conflicting, unusable, topUnmapped);
        }
    }

    /**
     * The values in one label cell: the whole cell when the map knows it ("Refund request"), else its parts split on
     * commas, semicolons and bars, each part whole when the map knows it, else split on spaces (Zendesk's tags).
     */
    static List<String> values(String cell, Map<String, Category> map) {
        String trimmed = cell.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (map.containsKey(key(trimmed))) {
            return List.of(trimmed);
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : SEVERAL.split(trimmed)) {
            String value = part.trim();
            if (value.isEmpty()) {
                continue;
            }
            if (map.containsKey(key(value))) {
                values.add(value);
            } else {
                values.addAll(List.of(SPACES.split(value)));
            }
        }
        return List.copyOf(values);
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static int position(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (HeaderMapping.normalise(header.get(i)).equals(HeaderMapping.normalise(column))) {
                return i;
            }
        }
        return -1;
    }

    private static String field(CSVRecord record, int position) {
        return position < 0 || position >= record.size() ? "" : record.get(position).trim();
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList();
    }
}
