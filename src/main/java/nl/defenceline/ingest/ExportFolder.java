package nl.defenceline.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An export folder checked on the driver before any Spark job runs. Each data file (.csv, .tsv, .txt, optionally
 * gzipped) is assigned to a source by its name (tickets*.csv, returns-2026-11.csv.gz, ...) or, failing that, by its
 * header, and read with the first column mapping whose required columns its header has. A JSON file (.json, .jsonl,
 * .ndjson, optionally gzipped) is a Zendesk tickets export when its name says tickets or its first object is a ticket
 * or an incremental export page. Only tickets are required; a missing other source reads as no rows. Several files of
 * one source are read as one, in name order (tickets-2026-11-01.csv before tickets-2026-11-02.json): the later export
 * wins a duplicate id. Paths are Hadoop filesystem URIs: file://, hdfs://, s3a:// all work.
 */
public final class ExportFolder {

    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz", ".txt.gz");
    private static final List<String> JSON_EXTENSIONS = List.of(".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz",
            ".ndjson.gz");

    /** How a file is read. */
    public enum Format {
        /** Delimited text, with a column mapping. */
        CSV,
        /** Zendesk's JSON tickets export: ticket lines or incremental export pages. */
        ZENDESK_JSON
    }

    /**
     * One data file of the export and how to read it.
     *
     * @param mapping the column mapping of a CSV file; null for a JSON file
     */
    public record ExportFile(String name, String path, Source source, ColumnMapping mapping, int order, Format format) {

        /** How the file is read, for the run summary: its mapping's name, or {@code zendesk-json}. */
        public String readAs() {
            return format == Format.ZENDESK_JSON ? "zendesk-json" : mapping.name();
        }
    }

    private final String location;
    private final Map<Source, List<ExportFile>> files;
    private final Map<String, String> ignored;

    private ExportFolder(String location, Map<Source, List<ExportFile>> files, Map<String, String> ignored) {
        this.location = location;
        this.files = files;
        this.ignored = ignored;
    }

    /**
     * Opens and checks an export folder.
     *
     * @param forced a mapping to use for the sources it covers, or null to detect mappings from the headers
     * @throws UserError when the folder, its tickets or a required column is missing, or a file cannot be read
     */
    public static ExportFolder open(String location, Configuration hadoopConf, ColumnMapping forced) {
        try {
            Path dir = new Path(location);
            FileSystem fs = dir.getFileSystem(hadoopConf);
            FileStatus status;
            try {
                status = fs.getFileStatus(dir);
            } catch (FileNotFoundException e) {
                throw new UserError("input folder " + location + " does not exist");
            }
            if (!status.isDirectory()) {
                throw new UserError("input " + location + " is not a folder; give the folder that holds the tickets");
            }
            FileStatus[] listing = fs.listStatus(status.getPath());
            // Name order is export order: exports carry their date in the name, and copying resets modification times.
            Arrays.sort(listing, Comparator.comparing(f -> f.getPath().getName()));
            Map<Source, List<ExportFile>> files = new EnumMap<>(Source.class);
            Map<String, String> ignored = new LinkedHashMap<>();
            for (FileStatus file : listing) {
                String name = file.getPath().getName();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!file.isFile() || name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (JSON_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
                    addJson(fs, file, name, files, ignored);
                    continue;
                }
                if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
                    continue;
                }
                List<String> header;
                try (InputStream in = fs.open(file.getPath())) {
                    header = SourceFileReader.readHeader(name, in);
                }
                if (header.isEmpty()) {
                    ignored.put(name, "empty file");
                    continue;
                }
                Optional<Source> named = sourceByName(name);
                Optional<ExportFile> chosen = named.isPresent()
                        ? Optional.of(choose(named.get(), name, file, header, forced, files))
                        : Arrays.stream(Source.values())
                                .map(source -> tryChoose(source, name, file, header, forced, files))
                                .flatMap(Optional::stream).findFirst();
                if (chosen.isPresent()) {
                    files.computeIfAbsent(chosen.get().source(), s -> new ArrayList<>()).add(chosen.get());
                } else {
                    ignored.put(name, "its header fits no source: " + String.join(",", header.subList(0, Math.min(8, header.size()))));
                }
            }
            for (Source source : Source.values()) {
                if (source.requiredFile() && !files.containsKey(source)) {
                    throw new UserError(missing(source, location, files, ignored));
                }
            }
            return new ExportFolder(location, files, ignored);
        } catch (IOException e) {
            throw new UserError("cannot read input folder " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Lists a folder for reading its tickets alone (e.g. for their labels).
     *
     * @throws UserError when the folder is missing or holds no tickets file
     */
    public static ExportFolder openTickets(String location, Configuration hadoopConf) {
        return open(location, hadoopConf, null);
    }

    /** A JSON file is a tickets export by its name or by its first object; JSON of other sources is not read. */
    private static void addJson(FileSystem fs, FileStatus file, String name, Map<Source, List<ExportFile>> files,
                                Map<String, String> ignored) throws IOException {
        JsonRecords.Shape shape;
        try (InputStream in = fs.open(file.getPath())) {
            shape = JsonRecords.sniff(JsonRecords.decoded(in));
        }
        Optional<Source> named = sourceByName(name);
        if (shape == JsonRecords.Shape.EMPTY) {
            ignored.put(name, "empty file");
        } else if (named.map(s -> s == Source.TICKETS).orElse(false) || ZendeskJsonReader.looksLikeTickets(shape)) {
            int order = files.getOrDefault(Source.TICKETS, List.of()).size();
            files.computeIfAbsent(Source.TICKETS, s -> new ArrayList<>()).add(new ExportFile(name,
                    file.getPath().toString(), Source.TICKETS, null, order, Format.ZENDESK_JSON));
        } else if (named.isPresent()) {
            ignored.put(name, "JSON is read for tickets only (a Zendesk JSON export); export "
                    + named.get().fileStem() + " as CSV");
        } else {
            ignored.put(name, "JSON but not a Zendesk tickets export: its first object is no ticket and no \"tickets\" page");
        }
    }

    /** One line naming what the folder holds and what a tickets export would have been. */
    private static String missing(Source source, String location, Map<Source, List<ExportFile>> files,
                                  Map<String, String> ignored) {
        List<String> found = files.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(ExportFile::name))
                .map(f -> f.name() + " (" + f.source().fileStem() + ")").toList();
        List<String> skipped = new ArrayList<>();
        ignored.forEach((file, why) -> skipped.add(file + " (" + why + ")"));
        List<String> platforms = ColumnMapping.builtIn().stream()
                .filter(m -> !m.name().equals(ColumnMapping.canonical().name()) && m.covers(source))
                .map(m -> m.name().substring(0, 1).toUpperCase(Locale.ROOT) + m.name().substring(1)).toList();
        return "no " + source.fileStem() + " in " + location + ": found "
                + (found.isEmpty() ? "no export files" : String.join(", ", found))
                + (skipped.isEmpty() ? "" : "; ignored " + String.join(", ", skipped))
                + "; expected a " + source.fileStem() + " export (" + source.fileName()
                + (source == Source.TICKETS ? ", a " + joinedOr(platforms) + " CSV, or a Zendesk JSON export" : "")
                + ")";
    }

    private static Optional<Source> sourceByName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(Source.values()).filter(s -> name.startsWith(s.fileStem())).findFirst();
    }

    private static List<ColumnMapping> candidates(Source source, ColumnMapping forced) {
        if (forced == null) {
            return ColumnMapping.builtIn().stream().filter(m -> m.covers(source)).toList();
        }
        return forced.covers(source) ? List.of(forced) : List.of(ColumnMapping.canonical());
    }

    private static Optional<ExportFile> tryChoose(Source source, String name, FileStatus file, List<String> header,
                                                  ColumnMapping forced, Map<Source, List<ExportFile>> chosen) {
        for (ColumnMapping mapping : candidates(source, forced)) {
            if (HeaderMapping.tryOf(source, mapping, header).isPresent()) {
                int order = chosen.getOrDefault(source, List.of()).size();
                return Optional.of(new ExportFile(name, file.getPath().toString(), source, mapping, order, Format.CSV));
            }
        }
        return Optional.empty();
    }

    /** The file's mapping; when none fits, the error of the most likely one (forced, else canonical) names what is missing. */
    private static ExportFile choose(Source source, String name, FileStatus file, List<String> header,
                                     ColumnMapping forced, Map<Source, List<ExportFile>> chosen) {
        return tryChoose(source, name, file, header, forced, chosen).orElseGet(() -> {
            HeaderMapping.of(source, candidates(source, forced).get(0), name, header);
            throw new IllegalStateException("unreachable: " + name + " fits no mapping");
        });
    }

    public String location() {
        return location;
    }

    /** The files of a source, oldest export first; empty when the export has none. */
    public List<ExportFile> files(Source source) {
        return files.getOrDefault(source, List.of());
    }

    /** Files in the folder that were not read, with the reason; reported, never silently skipped. */
    public Map<String, String> ignored() {
        return ignored;
    }

    private static String joinedOr(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
