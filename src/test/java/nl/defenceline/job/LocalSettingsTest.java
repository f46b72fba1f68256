package nl.defenceline.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark settings a local run gets for the size of its export. */
class LocalSettingsTest {

    private static final String PARTITIONS = "spark.sql.shuffle.partitions";
    private static final String ADAPTIVE = "spark.sql.adaptive.enabled";
    private static final String CODEGEN = LocalSettings.CODEGEN_FACTORY_MODE;

    @Test
    void smallExportGetsOnePartitionNoAdaptiveExecutionAndNoGeneratedCode() {
        assertEquals(Map.of(PARTITIONS, "1", ADAPTIVE, "false", CODEGEN, "NO_CODEGEN"), LocalSettings.forInput(110_000));
        assertEquals(Map.of(PARTITIONS, "1", ADAPTIVE, "false", CODEGEN, "NO_CODEGEN"), LocalSettings.forInput(0));
        assertEquals(Map.of(PARTITIONS, "1", ADAPTIVE, "false"),
                LocalSettings.forInput(LocalSettings.SMALL_INPUT_BYTES));
        assertEquals(Map.of(PARTITIONS, "1", ADAPTIVE, "false"),
                LocalSettings.forInput(LocalSettings.BYTES_PER_PARTITION));
    }

    @Test
    void partitionsGrowWithTheExportUpToTheMaximumWithAdaptiveExecution() {
        assertEquals(Map.of(PARTITIONS, "2", ADAPTIVE, "true"),
                LocalSettings.forInput(LocalSettings.BYTES_PER_PARTITION + 1));
        assertEquals(Map.of(PARTITIONS, "5", ADAPTIVE, "true"),
                LocalSettings.forInput(5 * LocalSettings.BYTES_PER_PARTITION));
        assertEquals(Map.of(PARTITIONS, Integer.toString(LocalSettings.MAX_PARTITIONS), ADAPTIVE, "true"),
                LocalSettings.forInput(10_000L * LocalSettings.BYTES_PER_PARTITION));
    }

    @Test
    void inputBytesAreTheFolderContentsAndZeroForAMissingFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tickets.csv"), "id\n1\n");
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub").resolve("returns.csv"), "id\n");
        assertEquals(8, LocalSettings.inputBytes(dir.toString(), new Configuration()));
        assertEquals(0, LocalSettings.inputBytes(dir.resolve("missing").toString(), new Configuration()));
    }
}
