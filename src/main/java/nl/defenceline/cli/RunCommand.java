package nl.defenceline.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import nl.defenceline.UserError;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.opennlp.OpenNlpClassifierFactory;
import nl.defenceline.ingest.ColumnMapping;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.job.AnalysisJob;
import nl.defenceline.job.RunConfig;
import nl.defenceline.job.RunResult;
import org.apache.spark.sql.SparkSession;

/** {@code run}: analyse an export folder and write the reports; inside an application that already has a Spark session, it uses that one and leaves it running. */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Analyse an export folder and write the reports.";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "--input DIR            export folder with tickets.csv, returns.csv, stock_questions.csv [products.csv]",
                "--output DIR           folder for the reports (created if missing); a path or Hadoop URI",
                "--timezone ZONE        shop time zone for timestamps without offset (default Europe/Amsterdam)",
                "--min-recurrence N     returns with one reason for one product that flag it (default 3)",
                "--repeat-days D        a customer back with the same category within D days is a repeat contact"
                        + " (default 7)",
                "--since DATE           first day of the trend window, yyyy-MM-dd (default: 7 days before --until)",
                "--until DATE           last day of the trend window (default: the day of the newest ticket)",
                "--spike-min N          a category or product that doubles is a spike from N tickets (default 5)",
                "--redact-order-numbers REGEX  also redact order numbers matching REGEX, e.g. 'NL\\d{6}|#\\d{4,}'",
                "--min-confidence P     texts whose best category is less likely than P count as UNCERTAIN and go to"
                        + " review (default: the threshold the model was calibrated with, 0.5 if it was not)",
                "--mapping NAME|FILE    column mapping for all files (default: detected per file from its header);"
                        + " names: " + ColumnMapping.builtIn().stream().map(ColumnMapping::name).toList(),
                "--max-reject-share S   exit with code 3 after writing the reports when an input has more rejected"
                        + " rows than this share (default 0.05)",
                "--model FILE           classifier model from 'train' (default: the model bundled in the build)",
                "--master URL           Spark master (default local[*], or what spark-submit sets)",
                "--verbose              stack traces on errors");
    }

    @Override
    public Options.Spec spec() {
        return new Options.Spec(Set.of("input", "output", "timezone", "min-recurrence", "min-confidence", "mapping", "max-reject-share", "repeat-days", "since", "until", "spike-min",
                "redact-order-numbers",
                "model", "master"), Set.of());
    }

    @Override
    public int run(Options options, PrintStream out, PrintStream err) throws Exception {
        ZoneId zone = options.zone("timezone", RunConfig.DEFAULT_ZONE);
        ClassifierFactory classifier = OpenNlpClassifierFactory.fromFileOrBundled(options.path("model"));
        RunConfig config = new RunConfig(
                options.required("input"),
                options.required("output"),
                zone,
                options.integer("min-recurrence", RunConfig.DEFAULT_MIN_RECURRENCE, 1),
                RunConfig.DEFAULT_TOP_PRODUCTS,
                options.decimal("min-confidence", classifier.calibration().minConfidence(), 0, 1),
                options.has("mapping") ? ColumnMapping.named(options.required("mapping")) : null,
                options.decimal("max-reject-share", RunConfig.DEFAULT_MAX_REJECT_SHARE, 0, 1),
                options.integer("repeat-days", RunConfig.DEFAULT_REPEAT_DAYS, 1),
                options.day("since", zone, false), options.day("until", zone, true),
                options.integer("spike-min", RunConfig.DEFAULT_SPIKE_MINIMUM, 1),
                options.pattern("redact-order-numbers"));
        if (config.since() != null && config.until() != null && !config.since().isBefore(config.until())) {
            throw new UserError("--since must be before --until");
        }
        SparkSession embedding = SparkSession.getDefaultSession().getOrElse(() -> null);
        SparkSession spark = embedding != null ? embedding : session(options.get("master", null));
        try {
            // The reports' local hours and dates follow the session zone (see BusiestHours).
            spark.conf().set("spark.sql.session.timeZone", config.shopZone().getId());
            RunResult result = new AnalysisJob(spark, config, classifier, java.time.Clock.systemUTC(),
                    line -> err.println("defence-line: " + line)).run();
            print(result, out);
            if (!result.tooManyRejects().isEmpty()) {
                err.println("defence-line run: too many rejected rows: " + result.tooManyRejects()
                        + " above --max-reject-share " + config.maxRejectShare() + "; reports were written");
                return Main.TOO_MANY_REJECTS;
            }
        } finally {
            if (embedding == null) {
                spark.stop();
            }
        }
        return Main.OK;
    }

    /** A new session; the master comes from --master, else spark-submit, else local[*]. */
    private static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("Defence Line");
        String chosen = master != null ? master : System.getProperty("spark.master", "local[*]");
        builder.master(chosen);
        if (chosen.startsWith("local")) {
            builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        return builder.getOrCreate();
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
