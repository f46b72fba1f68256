package nl.defenceline.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

    @Test
    void replacesAnExistingFolderGivenAsAPlainPathAndLeavesNothingElse(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("reports");
        for (String content : List.of("first", "second", "third")) {
            ReportFolder folder = ReportFolder.stage(target.toString(), new Configuration());
            try (OutputStream out = folder.staging().create("sub/report.csv")) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            folder.commit();
            assertEquals(content, Files.readString(target.resolve("sub/report.csv")));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList());
        }
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(target.resolve("sub")), files.toList(), "no checksum files");
        }
    }

    @Test
    void aDiscardedRunLeavesThePreviousReportsAlone(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("reports");
        Files.createDirectories(target);
        Files.writeString(target.resolve("old.csv"), "old");
        ReportFolder folder = ReportFolder.stage(target.toString(), new Configuration());
        try (OutputStream out = folder.staging().create("new.csv")) {
            out.write(1);
        }
        folder.discard();
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList());
        }
        assertEquals("old", Files.readString(target.resolve("old.csv")));
    }
}
