package nl.defenceline.bench;

import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.TextClassifier;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The floor a Spark job is measured against: one thread reads tickets.csv with Commons CSV and classifies each row's
 * subject and body with the same model and text cleaning, and does nothing else. Prints rows per second, and rows per
 * second of the thread's CPU time: on a machine shared with other work the wall clock says more about the others.
 * Usage: {@code FloorBenchmark TICKETS_CSV [MAX_ROWS [MODEL_FILE]]} (default: the bundled model).
 */
public final class FloorBenchmark {

    private FloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FloorBenchmark TICKETS_CSV [MAX_ROWS [MODEL_FILE]]");
            System.exit(2);
        }
        long max = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
        TextClassifier classifier = OpenNlpClassifierFactory.fromFileOrBundled(
                args.length > 2 ? Path.of(args[2]) : null).create();
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        long rows = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedCpu = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String text = record.get("subject") + "\n" + record.get("body");
                counts.merge(classifier.classify(text).category(), 1L, Long::sum);
                if (++rows >= max) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
        System.out.printf(Locale.ROOT, "floor: %d rows in %.1f s = %.0f rows/s on one thread%n", rows, seconds,
                rows / seconds);
        System.out.printf(Locale.ROOT, "floor CPU: %.1f s of the thread's CPU time = %.0f rows per CPU second%n",
                cpuSeconds, rows / cpuSeconds);
        System.out.println("floor categories: " + counts);
    }
}
