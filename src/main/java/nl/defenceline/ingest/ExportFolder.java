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
 * header, and read with the first column mapping whose required columns its header has. Several files of one source
 * are read as one, in name order (tickets-2026-11-01.csv before tickets-2026-11-02.csv): the later export wins a
 * duplicate id. Paths are Hadoop filesystem URIs: file://, hdfs://, s3a:// all work.
 */
public final class ExportFolder {

    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz", ".txt.gz");

    /** One data file of the export and how to read it. */
    public record ExportFile(String name, String path, Source source, ColumnMapping mapping, int order) {
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
     * @throws UserError when the folder, a required source or a required column is missing, or a file cannot be read
     */
    public static ExportFolder open(String location, Configuration hadoopConf, ColumnMapping forced) {
        return open(location, hadoopConf, forced, true);
    }

    /**
     * Lists a folder for reading its tickets alone (e.g. for their labels): the other sources may be missing.
     *
     * @throws UserError when the folder is missing or holds no tickets file
     */
    public static ExportFolder openTickets(String location, Configuration hadoopConf) {
        ExportFolder folder = open(location, hadoopConf, null, false);
        if (folder.files(Source.TICKETS).isEmpty()) {
            throw new UserError(Source.TICKETS.fileName() + " is missing from input folder " + location
                    + (folder.ignored().isEmpty() ? "" : " (ignored: " + folder.ignored() + ")"));
        }
        return folder;
    }

    private static ExportFolder open(String location, Configuration hadoopConf, ColumnMapping forced,
                                     boolean requireAll) {
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
                throw new UserError("input " + location + " is not a folder; give the folder that holds tickets.csv");
            }
            FileStatus[] listing = fs.listStatus(status.getPath());
            // Name order is export order: exports carry their date in the name, and copying resets modification times.
            Arrays.sort(listing, Comparator.comparing(f -> f.getPath().getName()));
            Map<Source, List<ExportFile>> files = new EnumMap<>(Source.class);
            Map<String, String> ignored = new LinkedHashMap<>();
            for (FileStatus file : listing) {
                String name = file.getPath().getName();
                if (!file.isFile() || name.startsWith(".") || name.startsWith("_")
                        || EXTENSIONS.stream().noneMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
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
                if (requireAll && source.requiredFile() && !files.containsKey(source)) {
                    throw new UserError(source.fileName() + " is missing from input folder " + location
                            + (ignored.isEmpty() ? "" : " (ignored: " + ignored + ")")
                            + "; required: " + requiredFiles());
                }
            }
            return new ExportFolder(location, files, ignored);
        } catch (IOException e) {
            throw new UserError("cannot read input folder " + location + ": " + e.getMessage(), e);
        }
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
                return Optional.of(new ExportFile(name, file.getPath().toString(), source, mapping, order));
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

    private static String requiredFiles() {
        return Arrays.stream(Source.values()).filter(Source::requiredFile).map(Source::fileName).toList().toString();
    }
}
