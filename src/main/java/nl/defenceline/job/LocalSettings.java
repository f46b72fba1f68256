package nl.defenceline.job;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Spark SQL settings of a local run, scaled to the size of its export. Spark's defaults are made for clusters and
 * large data: on an export of a few thousand rows the time goes to planning and scheduling, not to the rows. A small
 * export gets one shuffle partition and no adaptive execution, so each query is one Spark job of one task per stage
 * instead of one job per shuffle; a larger one keeps adaptive execution, which merges the partitions it does not need.
 */
public final class LocalSettings {

    /** Input bytes per shuffle partition: a partition of this much text takes a core well under a second. */
    static final long BYTES_PER_PARTITION = 16L * 1024 * 1024;
    /** The shuffle partitions of a large local run: a few per core of a laptop or a small server. */
    static final int MAX_PARTITIONS = 8;
    /** Below this, as in jobs/common.sh's quick-JIT threshold, compiling a query's code costs more than running it. */
    static final long SMALL_INPUT_BYTES = 4L * 1024 * 1024;

    static final String CODEGEN_FACTORY_MODE = "spark.sql.codegen.factoryMode";

    private LocalSettings() {
    }

    /** The settings for an export of {@code bytes} bytes, by Spark property name. */
    public static Map<String, String> forInput(long bytes) {
        long partitions = Math.max(1, Math.min(MAX_PARTITIONS, (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.sql.shuffle.partitions", Long.toString(partitions));
        // One partition leaves adaptive execution nothing to merge; it would only split each query into more jobs.
        settings.put("spark.sql.adaptive.enabled", Boolean.toString(partitions > 1));
        if (bytes < SMALL_INPUT_BYTES) {
            // The driver builds projections and orderings interpreted instead of generating and compiling Java for
            // each of a run's hundred-odd queries: on the sample a quarter less CPU, the same reports. Spark calls the
            // setting internal; a Spark that ignores it only compiles as before.
            settings.put(CODEGEN_FACTORY_MODE, "NO_CODEGEN");
        }
        return settings;
    }

    /** The size of the files in an export folder (a path or Hadoop URI); 0 when it cannot be read (the job says why). */
    public static long inputBytes(String location, Configuration hadoopConf) {
        try {
            Path dir = new Path(location);
            return dir.getFileSystem(hadoopConf).getContentSummary(dir).getLength();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
    }
}
