package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import nl.defenceline.ExitCode;
import nl.defenceline.UserError;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import nl.defenceline.classify.opennlp.OpenNlpReasonClassifierFactory;
import nl.defenceline.ingest.ColumnMapping;
import nl.defenceline.ingest.ExportReader;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.job.AnalysisJob;
import nl.defenceline.job.LocalSettings;
import nl.defenceline.job.RunConfig;
import nl.defenceline.job.RunResult;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: analyse an export folder and write the reports; inside an application that already has a Spark session,
 * it uses that one and leaves it running.
 */
@Command(name = "run", description = "Analyse an export folder and write the reports.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "export folder with tickets.csv, returns.csv, stock_questions.csv [products.csv]")
    private String input;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "folder for the reports (created if missing); a path or Hadoop URI")
    private String output;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "shop time zone for timestamps without offset (default ${DEFAULT-VALUE})")
    private ZoneId zone = RunConfig.DEFAULT_ZONE;

    @Option(names = "--min-recurrence", paramLabel = "N",
            description = "returns with one reason for one product that flag it (default ${DEFAULT-VALUE})")
    @Range(min = 1)
    private int minRecurrence = RunConfig.DEFAULT_MIN_RECURRENCE;

    @Option(names = "--repeat-days", paramLabel = "D", description = "a customer back with the same category within D"
            + " days is a repeat contact (default ${DEFAULT-VALUE})")
    @Range(min = 1)
    private int repeatDays = RunConfig.DEFAULT_REPEAT_DAYS;

    @Option(names = "--since", paramLabel = "DATE",
            description = "first day of the trend window, yyyy-MM-dd (default: 7 days before --until)")
    private LocalDate since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "last day of the trend window (default: the day of the newest ticket)")
    private LocalDate until;

    @Option(names = "--spike-min", paramLabel = "N",
            description = "a category or product that doubles is a spike from N tickets (default ${DEFAULT-VALUE})")
    @Range(min = 1)
    private int spikeMinimum = RunConfig.DEFAULT_SPIKE_MINIMUM;

    @Option(names = "--redact-order-numbers", paramLabel = "REGEX",
            description = "also redact order numbers matching REGEX, e.g. 'NL\\d{6}|#\\d{4,}'")
    private Pattern orderNumbers;

    @Option(names = "--min-confidence", paramLabel = "P", description = "texts whose best category is less likely"
            + " than P count as UNCERTAIN and go to review (default: the threshold the model was calibrated with, 0.5"
            + " if it was not)")
    @Range(min = 0, max = 1)
    private Double minConfidence;

    @Option(names = "--mapping", paramLabel = "NAME|FILE", completionCandidates = MappingNames.class,
            description = "column mapping for all files (default: detected per file from its header); names:"
                    + " ${COMPLETION-CANDIDATES}")
    private ColumnMapping mapping;

    @Option(names = "--max-reject-share", paramLabel = "S", description = "exit with code 3 after writing the reports"
            + " when an input has more rejected rows than this share (default ${DEFAULT-VALUE})")
    @Range(min = 0, max = 1)
    private double maxRejectShare = RunConfig.DEFAULT_MAX_REJECT_SHARE;

    @Option(names = "--max-field-size", paramLabel = "CHARS", description = "a field or JSON line longer than this is"
            + " rejected with its line number, without being read into memory (default ${DEFAULT-VALUE})")
    @Range(min = 1024)
    private int maxFieldSize = ExportReader.DEFAULT_MAX_FIELD_SIZE;

    @Option(names = "--language", paramLabel = "LANG",
            description = "language of the HTML pages: nl or en (default nl); the CSVs keep English column names")
    private java.util.Locale language = RunConfig.DEFAULT_LANGUAGE;

    @Option(names = "--csv-delimiter", paramLabel = "CHAR", description = "',' (default) or ';' for Dutch Excel,"
            + " which then also gets decimal commas; every CSV starts with a UTF-8 byte-order mark either way")
    private char csvDelimiter = ',';

    @Option(names = "--model", paramLabel = "FILE",
            description = "classifier model from 'train' (default: the model bundled in the build)")
    private Path model;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default local[*], or what spark-submit sets)")
    private String master;

    private final PrintStream out;
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The built-in mappings' names, for the help of --mapping. */
    static final class MappingNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ColumnMapping.builtIn().stream().map(ColumnMapping::name).iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        try {
            nl.defenceline.publish.CsvTableWriter.checkDelimiter(csvDelimiter);
        } catch (IllegalArgumentException e) {
            throw new UserError("--csv-delimiter: " + e.getMessage());
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new UserError("--since must be before --until");
        }
        SparkSession embedding = SparkSession.getDefaultSession().getOrElse(() -> null);
        // The master: --master, else spark-submit's, else local[*].
        String chosen = master != null ? master : System.getProperty("spark.master", "local[*]");
        boolean local = embedding != null ? embedding.sparkContext().isLocal() : chosen.startsWith("local");
        // The models load (the ticket model and the language detector's tables: about 0.7 s) while Spark starts; on
        // a small export that is a tenth of the run.
        CompletableFuture<ClassifierFactory> loading = CompletableFuture.supplyAsync(() -> loadModels(local));
        SparkSession spark = embedding != null ? embedding : session(chosen, input);
        try {
            ClassifierFactory classifier = loaded(loading);
            // The default threshold is the model's own, so the model is loaded before the config is built.
            RunConfig config = new RunConfig(input, output, zone, minRecurrence, RunConfig.DEFAULT_TOP_PRODUCTS,
                    minConfidence != null ? minConfidence : classifier.calibration().minConfidence(),
                    mapping, maxRejectShare, repeatDays,
                    since == null ? null : since.atStartOfDay(zone).toInstant(),
                    until == null ? null : until.plusDays(1).atStartOfDay(zone).toInstant(),
                    spikeMinimum, orderNumbers, maxFieldSize, language, csvDelimiter);
            // The reports' local hours and dates follow the session zone (see BusiestHours).
            spark.conf().set("spark.sql.session.timeZone", config.shopZone().getId());
            RunResult result = new AnalysisJob(spark, config, classifier, OpenNlpReasonClassifierFactory.bundled(),
                    java.time.Clock.systemUTC(),
                    line -> err.println("defence-line: " + line)).run();
            print(result, out);
            if (!result.tooManyRejects().isEmpty()) {
                err.println("defence-line run: too many rejected rows: " + result.tooManyRejects()
                        + " above --max-reject-share " + config.maxRejectShare() + "; reports were written");
                return ExitCode.TOO_MANY_REJECTS.code();
            }
        } finally {
            if (embedding == null) {
                spark.stop();
            }
        }
        return ExitCode.OK.code();
    }

    /**
     * The ticket model's factory. A local run classifies in this JVM, so a classifier is made once here to load the
     * language detector too; on a cluster the executors classify, and the driver needs the model only.
     */
    private ClassifierFactory loadModels(boolean local) {
        ClassifierFactory factory = OpenNlpClassifierFactory.fromFileOrBundled(model);
        if (local) {
            factory.create();
        }
        return factory;
    }

    /** The loaded factory, or the error that loading it threw (a UserError for a bad --model file). */
    private static ClassifierFactory loaded(CompletableFuture<ClassifierFactory> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A new session on {@code chosen}; a local one gets the settings for the export's size ({@link LocalSettings}). */
    private static SparkSession session(String chosen, String input) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("Defence Line");
        builder.master(chosen);
        if (!chosen.startsWith("local")) {
            return builder.getOrCreate();
        }
        SparkSession spark = builder.config("spark.ui.enabled", "false").getOrCreate();
        LocalSettings.forInput(LocalSettings.inputBytes(input, spark.sparkContext().hadoopConfiguration()))
                .forEach(spark.conf()::set);
        return spark;
    }

    private static void print(RunResult result, PrintStream out) {
        out.printf("Defence Line: analysed in %.1f s with model %s%n", result.millis() / 1000.0, result.modelVersion());
        for (Ingested input : result.inputs()) {
            out.printf("  %-20s read %7d  used %7d  rejected %5d%n",
                    input.source().fileName(), input.read(), input.used(), input.rejected());
        }
        out.println("Reports in " + result.output() + ":");
        result.reports().forEach(report -> out.println("  " + report));
    }
}
