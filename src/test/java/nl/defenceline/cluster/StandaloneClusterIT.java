package nl.defenceline.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The application jar on a real Spark standalone cluster: a master and a worker as separate JVMs on 127.0.0.1, started
 * from the Spark jars Maven provides (target/lib), the job submitted with spark-submit. Its reports must equal the
 * local-mode reports; and a second run whose executor JVM is killed midway must still finish with the same reports.
 * Every process started here is stopped by its process id, also when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path WORK = TARGET.resolve("cluster-it");
    private static final Path APP_JAR = TARGET.resolve("defence-line-spark-app.jar");
    private static final String INPUT = Path.of("sample-data/export").toAbsolutePath().toString();

    private final List<Process> started = new ArrayList<>();
    private String masterUrl;
    private Path sparkHome;

    @BeforeAll
    void startCluster() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        // A Spark installation from Maven's Spark jars: SPARK_HOME/jars is what the master, the worker, spark-submit
        // and the executors run on. Like a real cluster it lacks what the application jar brings (OpenNLP, Commons CSV).
        sparkHome = WORK.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("opennlp-") && !name.startsWith("commons-csv-")) {
                    Files.createSymbolicLink(sparkHome.resolve("jars").resolve(name), jar);
                }
            }
        }
        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        awaitLog("master", "I have been elected leader", 60);
        start("worker", "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1", "--cores", "2",
                "--memory", "3g", "--webui-port", String.valueOf(freePort()), "--work-dir", WORK.resolve("work").toString());
        awaitLog("worker", "Successfully registered with master", 60);
    }

    @AfterAll
    void stopCluster() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void clusterReportsEqualLocalReportsAlsoWhenAnExecutorIsKilled() throws Exception {
        Path local = WORK.resolve("out-local");
        assertEquals(0, submit("local", "local[2]", local).waitFor(), log("submit-local"));

        Path cluster = WORK.resolve("out-cluster");
        assertEquals(0, submit("cluster", masterUrl, cluster).waitFor(), log("submit-cluster"));
        assertEquals(csvs(local), csvs(cluster), "cluster reports equal local reports");

        Path killed = WORK.resolve("out-killed");
        Process submit = submit("killed", masterUrl, killed);
        awaitLog("submit-killed", "defence-line: read export", 180);
        ProcessHandle executor = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElseThrow(() -> new AssertionError("no executor JVM to kill"));
        executor.destroyForcibly();
        assertTrue(submit.waitFor(300, TimeUnit.SECONDS), "job finished after the executor was killed");
        assertEquals(0, submit.exitValue(), log("submit-killed"));
        assertEquals(csvs(local), csvs(killed), "reports after an executor loss equal local reports");
    }

    private Process submit(String name, String master, Path output) throws IOException {
        return start("submit-" + name, "org.apache.spark.deploy.SparkSubmit", "--master", master,
                "--class", "nl.defenceline.cli.Main", "--conf", "spark.executor.memory=1g",
                "--conf", "spark.task.maxFailures=4", APP_JAR.toString(),
                "run", "--input", INPUT, "--output", output.toString(), "--max-reject-share", "1");
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g",
                "@" + Path.of("jobs/spark-java17.args").toAbsolutePath(), "-cp", sparkHome.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Without a "RELEASE" build the launcher would look for source build directories to learn the Scala version.
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void awaitLog(String name, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!log(name).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + text + "' within " + seconds + " s:\n" + log(name));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static String log(String name) throws IOException {
        Path file = WORK.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** Every CSV of a report folder by relative path; run-summary.json holds times, so it is not compared. */
    private static Map<String, String> csvs(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                contents.put(folder.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertTrue(contents.size() > 10, "reports written in " + folder);
        return contents;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
