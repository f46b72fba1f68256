package nl.defenceline.publish;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A folder on any Hadoop filesystem (a local path, file://, hdfs://, s3a:// with its connector on the class path) that
 * report files are written into. Serializable with its Hadoop configuration, so an executor can write a large file
 * (the rejects) itself instead of sending its rows to the driver.
 */
public final class OutputFolder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String location;
    private transient Configuration conf;

    OutputFolder(Path location, Configuration conf) {
        this.location = location.toString();
        this.conf = conf;
    }

    /** A local folder, for tests and tools that write outside a Spark run. */
    public static OutputFolder local(java.nio.file.Path folder) {
        return new OutputFolder(new Path(folder.toAbsolutePath().toUri()), new Configuration());
    }

    /** Creates (or replaces) a file at {@code relative} below this folder; parent folders are created as needed. */
    public OutputStream create(String relative) {
        Path file = new Path(path(), relative);
        try {
            return fileSystem(file, conf).create(file, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder as a Hadoop path. */
    public Path path() {
        return new Path(location);
    }

    /**
     * The filesystem of a path; for local paths the raw one, which writes no .crc checksum file beside each report
     * (people open these folders).
     */
    static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    @Override
    public String toString() {
        return location;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
