package nl.defenceline.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import nl.defenceline.UserError;
import nl.defenceline.schema.Source;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An export folder checked on the driver before any Spark job runs: it exists, has every required file, and each file's
 * header has every required column. Paths are Hadoop filesystem URIs, so file://, hdfs:// and s3a:// all work.
 */
public final class ExportFolder {

    private final String location;
    private final Map<Source, String> files;

    private ExportFolder(String location, Map<Source, String> files) {
        this.location = location;
        this.files = files;
    }

    /**
     * Opens and checks an export folder.
     *
     * @throws UserError when the folder, a required file or a required column is missing, or a file cannot be read
     */
    public static ExportFolder open(String location, Configuration hadoopConf) {
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
            Map<Source, String> files = new EnumMap<>(Source.class);
            for (Source source : Source.values()) {
                Path file = new Path(status.getPath(), source.fileName());
                if (!fs.exists(file)) {
                    if (source.requiredFile()) {
                        throw new UserError(source.fileName() + " is missing from input folder " + location
                                + " (required: " + requiredFiles() + ")");
                    }
                    continue;
                }
                try (InputStream in = fs.open(file)) {
                    SourceFileReader.readHeader(source, source.fileName(), in);
                }
                files.put(source, file.toString());
            }
            return new ExportFolder(location, files);
        } catch (IOException e) {
            throw new UserError("cannot read input folder " + location + ": " + e.getMessage(), e);
        }
    }

    public String location() {
        return location;
    }

    /** Fully qualified path of the source's file, when the folder has one. */
    public Optional<String> file(Source source) {
        return Optional.ofNullable(files.get(source));
    }

    private static String requiredFiles() {
        return java.util.Arrays.stream(Source.values()).filter(Source::requiredFile).map(Source::fileName).toList()
                .toString();
    }
}
