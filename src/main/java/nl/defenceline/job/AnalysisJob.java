package nl.defenceline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.defenceline.UserError;
import nl.defenceline.Warning;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.DatasetClassifier;
import nl.defenceline.classify.DatasetReasonClassifier;
import nl.defenceline.classify.ReasonClassifierFactory;
import nl.defenceline.classify.ReturnReasonDecision;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.ingest.ExportFolder;
import nl.defenceline.ingest.ExportReader;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.insights.ProductNames;
import nl.defenceline.publish.Messages;
import nl.defenceline.publish.Output;
import nl.defenceline.publish.PageContext;
import nl.defenceline.publish.Publisher;
import nl.defenceline.publish.ReportFolder;
import nl.defenceline.publish.ReportTable;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import nl.defenceline.schema.TicketColumns;
import org.apache.hadoop.fs.Path;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The pipeline: read the export, classify its texts, compute the declared reports ({@link Reports#ALL}), publish them
 * with the pages, and summarise. Each step is named in the run's output and in the Spark UI; the reports appear
 * in the report folder all at once, when every step has succeeded.
 */
public final class AnalysisJob {

    public static final String RUN_SUMMARY = "run-summary.json";
    static final String JOB_GROUP = "defence-line";
    /** Timestamps after the run's start by more than this are implausible: clocks and zones differ, not by days. */
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);
    /**
     * Reports computed side by side. Each is small once the classified rows are cached, but a large export's
     * shuffles share the executors' memory, so a few at a time, not all.
     */
    private static final int REPORT_THREADS = 3;

    private final SparkSession spark;
    private final RunConfig config;
    private final ClassifierFactory classifier;
    private final ReasonClassifierFactory reasons;
    private final Clock clock;
    private final Consumer<String> progress;

    /**
     * @param classifier the ticket model: tickets and stock questions into line-of-defence categories
     * @param reasons    the return-reason model: return comments into return reasons
     * @param clock      the run's time: its start, the plausibility limit of timestamps, the step durations
     * @param progress   receives one line per finished step with its duration, and the run's warnings
     */
    public AnalysisJob(SparkSession spark, RunConfig config, ClassifierFactory classifier,
                       ReasonClassifierFactory reasons, Clock clock, Consumer<String> progress) {
        this.spark = spark;
        this.config = config;
        this.classifier = classifier;
        this.reasons = reasons;
        this.clock = clock;
        this.progress = progress;
    }

    /** The export as read: the folder and each source's rows and rejects. */
    private record Read(ExportFolder folder, Map<Source, Ingested> ingested) {
    }

    /** Runs the whole analysis; the session's time zone must be the shop's (see {@code cli.RunCommand}). */
    public RunResult run() {
        Instant started = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ReportFolder folder = ReportFolder.stage(config.output(), spark.sparkContext().hadoopConfiguration());
        spark.sparkContext().setJobGroup(JOB_GROUP, "Defence Line analysis of " + config.input(), false);
        try {
            RunResult result = analyse(folder, started);
            folder.commit();
            return result;
        } catch (RuntimeException e) {
            folder.discard();
            throw e;
        } finally {
            spark.sparkContext().clearJobGroup();
        }
    }

    private RunResult analyse(ReportFolder folder, Instant started) {
        Publisher publisher = new Publisher(folder.staging(), config.orderNumbers(), config.language(),
                config.csvDelimiter());
        Read read = step("read export", () -> read(folder, publisher, started));
        Map<Source, Dataset<Row>> classified = classify(read.ingested());
        List<Warning> warnings = warnings(classified.get(Source.TICKETS));
        // The console and run-summary.json say them in English; each page in its own language.
        List<String> englishWarnings = warnings.stream().map(Messages.of(Locale.ENGLISH)::say).toList();
        englishWarnings.forEach(warning -> progress.accept("warning: " + warning));
        Dataset<Row> productNames = ProductNames.of(read.ingested().get(Source.PRODUCTS).rows(),
                classified.get(Source.RETURNS)).cache();
        try {
            ReportInputs inputs = new ReportInputs(read.ingested(), classified, productNames,
                    step("trend window", () -> trendWindow(classified.get(Source.TICKETS))), config,
                    ShareEstimator.counting());
            List<ReportTable> tables = publishCollected(inputs, publisher);
            List<String> written = new ArrayList<>(tables.stream().map(t -> t.output().file())
                    .filter(java.util.Objects::nonNull).toList());
            written.addAll(step("HTML and owners' reports", () -> publisher.publishPages(tables,
                    owners(read.ingested().get(Source.PRODUCTS).rows()), pageContext(inputs.window(), warnings))));
            written.addAll(publishStreamed(inputs, publisher));
            written.add(RUN_SUMMARY);
            RunSummary summary = step("summary", () -> summarise(read, classified, started,
                    new RunSummary.Outputs(written, notAvailable(tables), englishWarnings), displayed(folder.target())));
            publisher.publishJson(RUN_SUMMARY, summary);
            return new RunResult(displayed(folder.target()), List.copyOf(read.ingested().values()), summary.reports(),
                    classifier.modelVersion(), Duration.between(started, clock.instant()).toMillis(),
                    summary.tooManyRejects());
        } finally {
            productNames.unpersist();
            classified.values().forEach(Dataset::unpersist);
        }
    }

    /** Computes, collects and publishes each small report, one step each, a few at a time; returns them in order. */
    private List<ReportTable> publishCollected(ReportInputs inputs, Publisher publisher) {
        List<Report> due = Reports.ALL.stream()
                .filter(report -> report.streamed().isEmpty() && report.when().test(inputs)).toList();
        return concurrently(due, REPORT_THREADS, report -> {
            Output output = report.output();
            return step(output.file() != null ? output.file() : output.page().key(),
                    () -> report.publish(inputs, publisher));
        });
    }

    /** Writes each report that grows with the data from one executor task, one step each; returns their files. */
    private List<String> publishStreamed(ReportInputs inputs, Publisher publisher) {
        List<String> written = new ArrayList<>();
        for (Report report : Reports.ALL) {
            if (!report.streamed().isEmpty() && report.when().test(inputs)) {
                step(report.output().file(), () -> report.stream(report.compute().apply(inputs), publisher));
                written.add(report.output().file());
            }
        }
        return written;
    }

    private PageContext pageContext(TrendWindow window, List<Warning> warnings) {
        return new PageContext(config.input(), window.firstDay(config.shopZone()), window.lastDay(config.shopZone()),
                config.shopZone().getId(), classifier.modelVersion(), warnings, config.language());
    }

    /** The reports the export lacks the input for, with the note their file holds. */
    private static Map<String, String> notAvailable(List<ReportTable> tables) {
        Map<String, String> notAvailable = new LinkedHashMap<>();
        tables.stream().filter(t -> !t.available() && t.output().file() != null)
                .forEach(t -> notAvailable.put(t.output().file(), (String) t.table().rows().get(0).get(0)));
        return notAvailable;
    }

    /** What the reader of the reports must know about how they were made, in one line each. */
    private List<Warning> warnings(Dataset<Row> tickets) {
        List<Warning> warnings = new ArrayList<>(classifier.warnings());
        if (tickets.filter(col(TicketColumns.BODY.header()).isNotNull()).isEmpty()) {
            warnings.add(Warning.of("warning.subjects-only"));
        }
        return List.copyOf(warnings);
    }

    /** Runs one named step: its name labels its Spark jobs, and a line with its duration goes to progress when done. */
    private <T> T step(String name, Supplier<T> body) {
        Instant start = clock.instant();
        spark.sparkContext().setJobDescription(name);
        T result = body.get();
        spark.sparkContext().setJobDescription(null);
        // Only finished steps: a failing one says why in the error line instead.
        progress.accept(String.format(Locale.ROOT, "%-28s %6.1f s", name,
                Duration.between(start, clock.instant()).toMillis() / 1000.0));
        return result;
    }

    private Read read(ReportFolder folder, Publisher publisher, Instant started) {
        ExportFolder export = ExportFolder.open(config.input(), spark.sparkContext().hadoopConfiguration(),
                config.mapping());
        export.ignored().forEach((file, why) -> progress.accept("ignored " + file + ": " + why));
        ExportReader reader = new ExportReader(spark, config.shopZone(), started.plus(FUTURE_SLACK),
                config.maxFieldSize());
        List<Source> sources = List.of(Source.values());
        List<Ingested> read = concurrently(sources, sources.size(), source -> reader.read(export, source));
        Map<Source, Ingested> ingested = new EnumMap<>(Source.class);
        for (int i = 0; i < sources.size(); i++) {
            ingested.put(sources.get(i), read.get(i));
        }
        Ingested tickets = ingested.get(Source.TICKETS);
        if (tickets.used() == 0) {
            String where = "";
            if (tickets.rejected() > 0) {
                Report rejects = Reports.rejects(Source.TICKETS);
                rejects.stream(Reports.rejectedRows(tickets.rejects()), publisher);
                where = " (see " + displayed(new Path(folder.keepAsFailed(), rejects.output().file())) + ")";
            }
            throw new UserError("no usable tickets in " + config.input() + ": " + tickets.read() + " rows read, "
                    + tickets.rejected() + " rejected" + where);
        }
        return new Read(export, ingested);
    }

    /**
     * {@code work} applied to each item by up to {@code threads} threads, the results in the items' order; the first
     * failure in that order is thrown. On a small export a step is a few small Spark jobs whose planning and
     * scheduling, not their rows, take the time, and Spark runs jobs from several threads side by side. The threads are
     * made here, so they inherit the run's job group.
     */
    private static <T, R> List<R> concurrently(List<T> items, int threads, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        try {
            List<Future<R>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Classifies the texts of each source that has them: returns by the return-reason model (their code and
     * comment), the others by the ticket model. The rows stay cached until the reports are written.
     */
    private Map<Source, Dataset<Row>> classify(Map<Source, Ingested> ingested) {
        Broadcast<ClassifierFactory> model = spark.sparkContext().broadcast(classifier,
                scala.reflect.ClassTag$.MODULE$.apply(ClassifierFactory.class));
        Broadcast<ReasonClassifierFactory> reasonModel = spark.sparkContext().broadcast(reasons,
                scala.reflect.ClassTag$.MODULE$.apply(ReasonClassifierFactory.class));
        Map<Source, Dataset<Row>> classified = new EnumMap<>(Source.class);
        // No more partitions than the shuffles have (few for a small export, see LocalSettings): every report scans
        // the classified rows, and a task per partition per scan is what a small run spends its time on. On a cluster
        // never fewer than its cores, though: few shuffle partitions must not leave executors idle while classifying.
        int shufflePartitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        int partitions = spark.sparkContext().isLocal() ? shufflePartitions
                : Math.max(shufflePartitions, spark.sparkContext().defaultParallelism());
        for (Source source : Source.values()) {
            if (!source.textColumns().isEmpty()) {
                List<String> text = source.textColumns().stream().map(SourceColumn::header).toList();
                classified.put(source, step("classify " + source.fileStem(), () -> {
                    Dataset<Row> in = ingested.get(source).rows().coalesce(partitions);
                    Dataset<Row> rows = (source == Source.RETURNS
                            ? DatasetReasonClassifier.classify(in, ReturnColumns.REASON_CODE.header(),
                                    ReturnColumns.REASON_TEXT.header(), reasonModel, ReturnReasonDecision.MIN_CONFIDENCE)
                            : DatasetClassifier.classify(in, text, model, config.minConfidence()))
                            .persist(StorageLevel.MEMORY_AND_DISK());
                    // Classified here, once, so the step's time is the classification's and the reports read the cache.
                    rows.count();
                    return rows;
                }));
            }
        }
        return classified;
    }

    private TrendWindow trendWindow(Dataset<Row> tickets) {
        Instant newest = config.until() != null ? null
                : ((Timestamp) tickets.agg(max(TicketColumns.CREATED_AT.header())).first().get(0)).toInstant();
        return TrendWindow.of(config.since(), config.until(), newest, config.shopZone());
    }

    /** sku -> owner from products.csv; products without an owner are left out, so they go to "unassigned". */
    private static Map<String, String> owners(Dataset<Row> products) {
        Map<String, String> owners = new HashMap<>();
        for (Row row : products.select(ProductColumns.SKU.header(), ProductColumns.OWNER.header()).collectAsList()) {
            if (!row.isNullAt(1) && !row.getString(1).isBlank()) {
                owners.put(row.getString(0), row.getString(1).trim());
            }
        }
        return owners;
    }

    /** A report folder as people should see it: a plain path for local folders, the URI for other filesystems. */
    private static String displayed(Path folder) {
        return "file".equals(folder.toUri().getScheme()) ? folder.toUri().getPath() : folder.toString();
    }

    private RunSummary summarise(Read read, Map<Source, Dataset<Row>> classified, Instant started,
                                 RunSummary.Outputs outputs, String output) {
        RunSummary.Run run = new RunSummary.Run(config.input(), output, config.shopZone().getId(),
                config.language().getLanguage(), config.minRecurrence(),
                config.mapping() == null ? "detected per file" : config.mapping().name(), config.maxRejectShare(),
                RunSummary.zoned(started, config.shopZone()));
        Map<String, RunSummary.Input> inputs = new LinkedHashMap<>();
        Map<String, Double> tooManyRejects = new LinkedHashMap<>();
        for (Ingested ingested : read.ingested().values()) {
            inputs.put(ingested.source().fileName(), new RunSummary.Input(ingested.read(), ingested.used(),
                    ingested.rejected(), ingested.rejected() > 0 ? Reports.rejectsFile(ingested.source()) : null,
                    ingested.files()));
            double share = ingested.read() == 0 ? 0 : (double) ingested.rejected() / ingested.read();
            if (share > config.maxRejectShare()) {
                tooManyRejects.put(ingested.source().fileName(), share);
            }
        }
        RunSummary.Counts counts = RunSummary.counts(classified, source -> source == Source.RETURNS
                ? ReasonColumns.REASON.column() : ClassifiedColumns.CATEGORY.column());
        return new RunSummary(run, classifier.modelVersion(), reasons.modelVersion(),
                RunSummary.window(read.ingested(), classified, config.shopZone()),
                inputs, read.folder().ignored(),
                tooManyRejects, counts.categories(),
                RunSummary.returnReasons(classified.get(Source.RETURNS)), config.minConfidence(),
                classifier.calibration().summary(),
                "best guesses of all classified tickets counted (95 % sampling intervals)",
                counts.languages(), List.copyOf(outputs.written()),
                outputs.notAvailable(), outputs.warnings(),
                Duration.between(started, clock.instant()).toMillis() / 1000.0);
    }

}
