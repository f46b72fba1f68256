package nl.defenceline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/nightly.sh as cron runs it, in its own process: success moves `latest` and prunes, a bad export exits 2, a
 * held lock exits 4, and a killed run leaves the previous reports as they were.
 */
class NightlyScriptTest {

    @TempDir
    Path dir;

    private Path reports;
    private Path config;

    @BeforeEach
    void configure() throws IOException {
        reports = dir.resolve("reports");
        Path export = dir.resolve("exports/2026-11-15");
        Files.createDirectories(export);
        try (Stream<Path> files = Files.list(Path.of("sample-data/export"))) {
            for (Path file : files.toList()) {
                Files.copy(file, export.resolve(file.getFileName()));
            }
        }
        config = dir.resolve("nightly.env");
        Files.writeString(config, String.join("\n",
                "EXPORT_DIR=" + dir.resolve("exports") + "/{date}",
                "REPORTS_DIR=" + reports,
                "KEEP_DAYS=30",
                "LOG_FILE=" + dir.resolve("nightly.log"),
                "LOCK_FILE=" + dir.resolve("nightly.lock"),
                "DL_JAVA_OPTS=-Xmx1g",
                ""));
    }

    private Process start(String day) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "jobs/nightly.sh", config.toString(), day)
                .redirectErrorStream(true).redirectOutput(dir.resolve("nightly-" + day + ".out").toFile());
        // The test's own class path holds the compiled classes and the bundled model: no jar build needed.
        builder.environment().put("DL_CLASSPATH", System.getProperty("java.class.path"));
        return builder.start();
    }

    private int run(String day) throws Exception {
        Process process = start(day);
        assertTrue(process.waitFor(240, TimeUnit.SECONDS), "nightly.sh finished in time");
        return process.exitValue();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("nightly.log"), StandardCharsets.UTF_8);
    }

    @Test
    void aSuccessfulRunMovesLatestLogsStagesAndPrunesOldReports() throws Exception {
        Files.createDirectories(reports.resolve("2026-09-01"));
        assertEquals(0, run("2026-11-15"), log());
        assertEquals(Path.of("2026-11-15"), Files.readSymbolicLink(reports.resolve("latest")));
        assertTrue(Files.exists(reports.resolve("latest/index.html")));
        assertFalse(Files.exists(reports.resolve("2026-09-01")), "older than KEEP_DAYS");
        assertTrue(log().contains("read export"), log());
        assertTrue(log().contains("tickets.csv          read     405"), log());
    }

    @Test
    void aMissingExportExitsTwoAndLeavesLatestAlone() throws Exception {
        Files.createDirectories(reports.resolve("2026-11-14"));
        Files.createSymbolicLink(reports.resolve("latest"), Path.of("2026-11-14"));
        assertEquals(2, run("2026-11-16"));
        assertEquals(Path.of("2026-11-14"), Files.readSymbolicLink(reports.resolve("latest")));
        assertFalse(Files.exists(reports.resolve("2026-11-16")));
        assertTrue(log().contains("input folder") && log().contains("does not exist"), log());
    }

    @Test
    void aHeldLockExitsFour() throws Exception {
        Files.createDirectories(reports);
        Process holder = new ProcessBuilder("flock", dir.resolve("nightly.lock").toString(), "sleep", "120").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int code;
            do {
                code = run("2026-11-15");
            } while (code != 4 && System.nanoTime() < deadline);
            assertEquals(4, code);
            assertTrue(log().contains("another run holds"), log());
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aKilledRunLeavesThePreviousReportsUntouched() throws Exception {
        Path previous = reports.resolve("2026-11-15");
        Files.createDirectories(previous);
        Files.writeString(previous.resolve("index.html"), "previous reports");
        Files.createSymbolicLink(reports.resolve("latest"), Path.of("2026-11-15"));
        Process nightly = start("2026-11-15");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(dir.resolve("nightly.log")) && log().contains("read export"))
                && System.nanoTime() < deadline && nightly.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        assertTrue(nightly.isAlive(), "the run was still going when it was killed: " + log());
        // Kill the whole process group, JVM included, as a reboot or OOM killer would.
        new ProcessBuilder("kill", "-KILL", "--", "-" + nightly.pid()).start().waitFor();
        nightly.waitFor(30, TimeUnit.SECONDS);

        assertEquals("previous reports", Files.readString(previous.resolve("index.html")));
        assertEquals(Path.of("2026-11-15"), Files.readSymbolicLink(reports.resolve("latest")));
        try (Stream<Path> left = Files.list(reports)) {
            List<String> names = left.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.equals("2026-11-15") || n.equals("latest") || n.startsWith(".")),
                    "only hidden, clearly incomplete folders besides the previous reports: " + names);
        }
    }
}
