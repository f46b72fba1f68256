package nl.defenceline;

import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop filesystem with its own scheme, {@code otherfs://}, that keeps its files on the local disk. java.nio cannot
 * open such a path, so a run that reads and writes {@code otherfs://} URIs proves that input and output go through
 * Hadoop's FileSystem API, as they must for hdfs:// and s3a://.
 */
public final class OtherSchemeFileSystem extends RawLocalFileSystem {

    public static final String SCHEME = "otherfs";

    /** Makes the scheme known to a Hadoop configuration (the driver's; executors get it with the job). */
    public static void register(Configuration conf) {
        conf.set("fs." + SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
    }

    /** The {@code otherfs://} URI of a local path. */
    public static String uri(Path local) {
        return SCHEME + "://" + local.toAbsolutePath().normalize();
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
