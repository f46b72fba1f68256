package nl.defenceline.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * How a platform's export columns map onto Defence Line's canonical columns: per source, canonical column -> the
 * export's header (alternatives separated by '|', for export versions that renamed a column), and optionally a
 * date-time pattern per column. A canonical column the mapping does not name is looked up under its canonical header.
 */
public final class ColumnMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<Source, Map<String, String>> columns;
    private final Map<Source, Map<String, String>> datePatterns;
    private final Map<Source, FillDown> fillDowns;

    /**
     * Columns an export writes only on the first of consecutive rows with the same key, leaving them blank on the
     * rows after it (Shopify writes an order's fields on its first line item only); those rows take them from it.
     */
    public record FillDown(SourceColumn key, List<SourceColumn> columns) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    ColumnMapping(String name, Map<Source, Map<String, String>> columns, Map<Source, Map<String, String>> datePatterns) {
        this(name, columns, datePatterns, Map.of());
    }

    private ColumnMapping(String name, Map<Source, Map<String, String>> columns,
                          Map<Source, Map<String, String>> datePatterns, Map<Source, FillDown> fillDowns) {
        this.name = name;
        this.columns = columns;
        this.datePatterns = datePatterns;
        this.fillDowns = fillDowns;
    }

    /** This mapping, with blank {@code columns} of a source filled down from the first row of each run of {@code key}. */
    ColumnMapping withFillDown(Source source, SourceColumn key, SourceColumn... columns) {
        Map<Source, FillDown> all = new EnumMap<>(Source.class);
        all.putAll(fillDowns);
        all.put(source, new FillDown(key, List.of(columns)));
        return new ColumnMapping(name, this.columns, datePatterns, all);
    }

    public String name() {
        return name;
    }

    /** Whether this mapping says anything about a source (the canonical mapping covers all). */
    public boolean covers(Source source) {
        return columns.isEmpty() || columns.containsKey(source);
    }

    /** The export headers that may hold a canonical column, normalised, in order of preference ("A|B" in a mapping). */
    List<String> headersFor(Source source, SourceColumn column) {
        String names = columns.getOrDefault(source, Map.of()).getOrDefault(column.header(), column.header());
        return Arrays.stream(names.split("\\|")).map(HeaderMapping::normalise).toList();
    }

    /** The date-time pattern this mapping gives for a column, if any. */
    Optional<String> datePattern(Source source, SourceColumn column) {
        return Optional.ofNullable(datePatterns.getOrDefault(source, Map.of()).get(column.header()));
    }

    /** The columns this mapping fills down for a source, if any. */
    Optional<FillDown> fillDown(Source source) {
        return Optional.ofNullable(fillDowns.get(source));
    }

    /** The canonical format: export headers are the canonical column names. */
    public static ColumnMapping canonical() {
        return new ColumnMapping("canonical", Map.of(), Map.of());
    }

    /** The mappings Defence Line knows, canonical first; automatic detection tries them in this order. */
    public static List<ColumnMapping> builtIn() {
        List<ColumnMapping> all = new ArrayList<>();
        all.add(canonical());
        all.addAll(PlatformMappings.all());
        return all;
    }

    /**
     * A built-in mapping by name, or a mapping file.
     *
     * @throws UserError naming the valid mappings when it is neither
     */
    public static ColumnMapping named(String nameOrFile) {
        for (ColumnMapping mapping : builtIn()) {
            if (mapping.name.equalsIgnoreCase(nameOrFile.trim())) {
                return mapping;
            }
        }
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return fromFile(file);
        }
        throw new UserError("unknown mapping '" + nameOrFile + "', expected one of "
                + builtIn().stream().map(ColumnMapping::name).toList() + " or a mapping file");
    }

    /**
     * Reads a mapping file: CSV with columns source, column, source_column and optionally date_format, e.g.
     * {@code tickets,created_at,Opened on,dd/MM/yyyy HH:mm}.
     *
     * @throws UserError on an unknown source or column or a bad date pattern, naming the line
     */
    public static ColumnMapping fromFile(Path file) {
        Map<Source, Map<String, String>> columns = new EnumMap<>(Source.class);
        Map<Source, Map<String, String>> patterns = new EnumMap<>(Source.class);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(in)) {
                String where = file + " line " + (record.getRecordNumber() + 1);
                if (!record.isMapped("source") || !record.isMapped("column") || !record.isMapped("source_column")) {
                    throw new UserError(file + ": a mapping file needs the columns source, column, source_column"
                            + " [, date_format]");
                }
                Source source = Arrays.stream(Source.values())
                        .filter(s -> s.fileStem().equalsIgnoreCase(record.get("source"))).findFirst()
                        .orElseThrow(() -> new UserError(where + ": unknown source '" + record.get("source")
                                + "', expected one of " + Source.names()));
                String column = record.get("column").toLowerCase(Locale.ROOT);
                if (source.columns().stream().noneMatch(c -> c.header().equals(column))) {
                    throw new UserError(where + ": " + source.fileStem() + " has no column '" + column
                            + "', expected one of " + source.columns().stream().map(SourceColumn::header).toList());
                }
                columns.computeIfAbsent(source, s -> new HashMap<>()).put(column, record.get("source_column"));
                String pattern = record.isMapped("date_format") ? record.get("date_format") : "";
                if (!pattern.isEmpty()) {
                    try {
                        DateTimeFormatter.ofPattern(pattern);
                    } catch (IllegalArgumentException e) {
                        throw new UserError(where + ": bad date_format '" + pattern + "': " + e.getMessage());
                    }
                    patterns.computeIfAbsent(source, s -> new HashMap<>()).put(column, pattern);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError("cannot read mapping file " + file + ": " + e.getMessage());
        }
        if (columns.isEmpty()) {
            throw new UserError("mapping file " + file + " maps no columns");
        }
        return new ColumnMapping("file:" + file.getFileName(), columns, patterns);
    }
}
