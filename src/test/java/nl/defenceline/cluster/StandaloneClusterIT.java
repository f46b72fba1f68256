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
import org.junit.jupiter.api.Timeout;

/**
 * The application jar on a real Spark standalone cluster: a master and a worker as separate JVMs on 127.0.0.1, started
 * from the Spark jars Maven provides (target/lib), the job submitted with spark-submit. Its reports must equal the
 * local-mode reports, also though its executor JVM is killed midway. Every process started here is stopped by its
 * process id, also when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Only against a hang (a run that never ends); the runs take a few minutes on two busy cores.
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path WORK = TARGET.resolve("cluster-it");
    private static final Path APP_JAR = TARGET.resolve("defence-line-spark-app.jar");
    private static final String INPUT = Path.of("sample-data/export").toAbsolutePath().toString();

    private final List<Process> started = new ArrayList<>();
    private String masterUrl;
    private Path sparkHome;
    private Process worker;
    private Process localRun;

    @BeforeAll
    void startCluster() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        // A Spark installation from Maven's Spark jars: SPARK_HOME/jars is what the master, the worker, spark-submit
        // and the executors run on. Like a real cluster it lacks what the application jar brings (OpenNLP, Commons CSV,
        // picocli, Mustache, FastExcel).
        sparkHome = WORK.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        try (Stream<Path> jars = Files.list(TARGET.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("opennlp-") && !name.startsWith("commons-csv-") && !name.startsWith("picocli-")
                        && !name.startsWith("compiler-") && !name.startsWith("fastexcel-") && !name.startsWith("opczip-")) {
                    Files.createSymbolicLink(sparkHome.resolve("jars").resolve(name), jar);
                }
            }
        }
        // The local-mode run needs no cluster: it runs while the cluster starts and the cluster run runs. Spark jobs
        // are a small part of a run (most of it is one driver thread planning small queries), so two runs share two
        // cores well.
        localRun = submit("local", "local[2]", WORK.resolve("out-local"));
        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        Process master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        awaitLog(master, "master", "I have been elected leader");
        // The worker registers while the cluster run's driver starts: the driver waits for an executor as it would for
        // a busy cluster.
        worker = start("worker", "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                "--cores", "2", "--memory", "3g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", WORK.resolve("work").toString());
    }

    @AfterAll
    void stopCluster() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * One cluster run proves both: its executor JVM is killed once the export is read and cached, so the tasks after
     * it run on a replacement executor and recompute what was lost, and the reports still equal the local ones.
     */
    @Test
    void clusterReportsEqualLocalReportsAlsoWhenAnExecutorIsKilled() throws Exception {
        Path killed = WORK.resolve("out-killed");
        Process submit = submit("killed", masterUrl, killed);
        awaitLog(worker, "worker", "Successfully registered with master");
        awaitLog(submit, "submit-killed", "defence-line: read export");
        ProcessHandle executor = worker.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .findFirst().orElseThrow(() -> new AssertionError("no executor JVM to kill"));
        executor.destroyForcibly();
        assertEquals(0, submit.waitFor(), log("submit-killed"));
        assertTrue(log("submit-killed").contains("Lost executor 0"), "the driver saw the executor go");
        assertEquals(0, localRun.waitFor(), log("submit-local"));
        assertEquals(csvs(WORK.resolve("out-local")), csvs(killed),
                "reports after an executor loss equal local reports");
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

    /** Waits until a process logs the text; fails at once when it exits without. */
    private static void awaitLog(Process process, String name, String text) throws Exception {
        while (!log(name).contains(text)) {
            if (!process.isAlive() && !log(name).contains(text)) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before logging '" + text
                        + "':\n" + log(name));
            }
            TimeUnit.MILLISECONDS.sleep(100);
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
