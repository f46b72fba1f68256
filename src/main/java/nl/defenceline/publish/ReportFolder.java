package nl.defenceline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Atomic report output: a run writes into a staging folder beside the target and only a finished run moves it into
 * place, so a run killed midway leaves the previous reports untouched and nothing half-written that looks complete.
 * The target is a local path or a Hadoop filesystem URI. Renames are atomic on local filesystems and HDFS; on object
 * stores (s3a://) a rename is a copy, so there the swap is not atomic, but a half-copied folder is still never the
 * target.
 */
public final class ReportFolder {

    private final FileSystem fs;
    private final Path target;
    private final OutputFolder staging;

    private ReportFolder(FileSystem fs, Path target, OutputFolder staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /** Creates an empty staging folder next to the target, named so nobody mistakes it for reports. */
    public static ReportFolder stage(String target, Configuration conf) {
        Path path = qualified(target, conf);
        try {
            FileSystem fs = OutputFolder.fileSystem(path, conf);
            Path staging = beside(path, ".incomplete-");
            if (!fs.mkdirs(staging)) {
                throw new IOException("mkdirs returned false");
            }
            return new ReportFolder(fs, path, new OutputFolder(staging, conf));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder next to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A path or URI as a fully qualified Hadoop path. As for the input, a path without scheme is on the default
     * filesystem (the local disk unless the cluster's configuration says otherwise) and a relative one is taken from
     * the working directory, so the summary and messages name a folder a person can find.
     */
    public static Path qualified(String location, Configuration conf) {
        Path path = new Path(location);
        try {
            return path.getFileSystem(conf).makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("no filesystem for " + location + ": " + e.getMessage(), e);
        }
    }

    /** Where the run writes its files. */
    public OutputFolder staging() {
        return staging;
    }

    /** The folder the reports end up in. */
    public Path target() {
        return target;
    }

    /** Replaces the target with the staged reports: the old folder is moved aside first and deleted after. */
    public void commit() {
        moveInPlaceOf(target);
    }

    /** Keeps what a failed run wrote (its rejects) at {@code <target>.failed}, leaving the target untouched. */
    public Path keepAsFailed() {
        Path failed = new Path(target.getParent(), target.getName() + ".failed");
        moveInPlaceOf(failed);
        return failed;
    }

    /** Deletes the staging folder. */
    public void discard() {
        try {
            fs.delete(staging.path(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + staging + ": " + e.getMessage(), e);
        }
    }

    private void moveInPlaceOf(Path destination) {
        try {
            Path old = null;
            if (fs.exists(destination)) {
                old = beside(destination, ".old-");
                rename(destination, old);
            }
            rename(staging.path(), destination);
            if (old != null) {
                fs.delete(old, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the reports into " + destination + ": " + e.getMessage(), e);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename of " + from + " to " + to + " failed");
        }
    }

    /** A hidden, unique sibling of {@code path}: {@code .<name><kind><random>}. */
    private static Path beside(Path path, String kind) {
        return new Path(path.getParent(), "." + path.getName() + kind + UUID.randomUUID().toString().substring(0, 8));
    }
}
