package nl.defenceline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.defenceline.UserError;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.DatasetClassifier;
import nl.defenceline.ingest.ExportFolder;
import nl.defenceline.ingest.ExportReader;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.insights.AutomationCandidates;
import nl.defenceline.insights.BusiestHours;
import nl.defenceline.insights.ComplaintSources;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.insights.ContactRate;
import nl.defenceline.insights.EmailAnsweredWithin24h;
import nl.defenceline.insights.FirstResponseTimes;
import nl.defenceline.insights.ProductComplaints;
import nl.defenceline.insights.ProductNames;
import nl.defenceline.insights.RecurringReturnReasons;
import nl.defenceline.insights.RepeatContacts;
import nl.defenceline.insights.RepresentativeQuotes;
import nl.defenceline.insights.ResolutionTimes;
import nl.defenceline.insights.StockoutHotspots;
import nl.defenceline.insights.Trends;
import nl.defenceline.publish.CsvTableWriter;
import nl.defenceline.publish.Dashboard;
import nl.defenceline.publish.OutputFolder;
import nl.defenceline.publish.OwnerReports;
import nl.defenceline.publish.Redactor;
import nl.defenceline.publish.ReportFolder;
import nl.defenceline.publish.ReportTables;
import nl.defenceline.publish.RunSummaryWriter;
import nl.defenceline.publish.Table;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.ValueType;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The pipeline: read the export, classify the texts, compute the reports, write them with the rejects and a summary. */
public final class AnalysisJob {

    public static final String COMPLAINT_SOURCES = "complaint-sources.csv";
    public static final String BUSIEST_HOURS = "busiest-hours.csv";
    public static final String RECURRING_RETURN_REASONS = "recurring-return-reasons.csv";
    public static final String STOCKOUT_HOTSPOTS = "stockout-hotspots.csv";
    public static final String RUN_SUMMARY = "run-summary.json";
    public static final String UNCERTAIN_REVIEW = "review/uncertain.csv";
    public static final String FIRST_RESPONSE = "kpis/first-response.csv";
    public static final String EMAIL_WITHIN_24H = "kpis/email-answered-within-24h.csv";
    public static final String RESOLUTION_TIME = "kpis/resolution-time.csv";
    public static final String REPEAT_CONTACTS = "kpis/repeat-contacts.csv";
    public static final String CONTACT_RATE = "kpis/contact-rate.csv";
    public static final String AUTOMATION_CANDIDATES = "kpis/automation-candidates.csv";
    public static final String TRENDS = "trends.csv";
    public static final String PRODUCT_COMPLAINTS = "product-complaints.csv";
    private static final int QUOTES_PER_CATEGORY = 3;

    private final SparkSession spark;
    private final RunConfig config;
    private final ClassifierFactory classifier;
    private final Consumer<String> progress;
    private String currentStep;
    private ExportFolder folder;
    private ReportFolder reportFolder;
    private OutputFolder out;
    private long stepStarted;

    /**
     * @param progress receives one line per finished stage with its duration
     */
    public AnalysisJob(SparkSession spark, RunConfig config, ClassifierFactory classifier, Consumer<String> progress) {
        this.spark = spark;
        this.config = config;
        this.classifier = classifier;
        this.progress = progress;
    }

    /** Runs the whole analysis; the session's time zone must be the shop's (see {@code cli.RunCommand}). */
    public RunResult run() {
        long started = System.currentTimeMillis();
        reportFolder = ReportFolder.stage(config.output(), spark.sparkContext().hadoopConfiguration());
        out = reportFolder.staging();
        try {
            RunResult result = analyse(started);
            reportFolder.commit();
            return result;
        } catch (RuntimeException e) {
            reportFolder.discard();
            throw e;
        }
    }

    private RunResult analyse(long started) {
        spark.sparkContext().setJobGroup("defence-line", "Defence Line analysis of " + config.input(), false);
        Map<Source, Ingested> inputs = read();
        Broadcast<ClassifierFactory> model = spark.sparkContext().broadcast(classifier,
                scala.reflect.ClassTag$.MODULE$.apply(ClassifierFactory.class));
        Dataset<Row> tickets = classified(inputs.get(Source.TICKETS), model);
        Dataset<Row> returns = classified(inputs.get(Source.RETURNS), model);
        Dataset<Row> stockQuestions = classified(inputs.get(Source.STOCK_QUESTIONS), model);
        Dataset<Row> productNames = ProductNames.of(inputs.get(Source.PRODUCTS).rows(), returns).cache();

        List<String> written = new ArrayList<>();
        step("complaint sources");
        Table sources = write(COMPLAINT_SOURCES, ComplaintSources.compute(tickets, productNames, config.topProducts(),
                new ShareEstimator(classifier.calibration())), written);
        step("busiest hours");
        Table hours = write(BUSIEST_HOURS, BusiestHours.compute(tickets), written);
        step("recurring return reasons");
        Dataset<Row> orders = inputs.get(Source.ORDERS).rows();
        Table reasons = write(RECURRING_RETURN_REASONS,
                RecurringReturnReasons.compute(returns, productNames, orders, config.minRecurrence()), written);
        step("stock-out hot spots");
        Table stockouts = write(STOCKOUT_HOTSPOTS, StockoutHotspots.compute(stockQuestions, productNames), written);
        step("trends");
        Instant[] window = trendWindow(tickets);
        Table trends = write(TRENDS, Trends.compute(tickets, window[0], window[1], config.spikeMinimum()), written);
        step("service KPIs");
        Table firstResponse = write(FIRST_RESPONSE, FirstResponseTimes.compute(tickets), written);
        Table email = write(EMAIL_WITHIN_24H, EmailAnsweredWithin24h.compute(tickets), written);
        write(RESOLUTION_TIME, ResolutionTimes.compute(tickets), written);
        write(REPEAT_CONTACTS, RepeatContacts.compute(tickets, config.repeatDays()), written);
        if (inputs.get(Source.ORDERS).used() > 0) {
            write(CONTACT_RATE, ContactRate.compute(tickets, orders), written);
        } else {
            CsvTableWriter.write(out, CONTACT_RATE, new Table(List.of("note"),
                    List.of(List.of("not available: the export has no usable orders.csv"))));
            written.add(CONTACT_RATE);
        }
        write(AUTOMATION_CANDIDATES, AutomationCandidates.compute(tickets), written,
                ReportColumns.EXAMPLES.column());
        step("HTML and owners' reports");
        ReportTables tables = new ReportTables(sources, hours, reasons, stockouts, firstResponse, email, trends,
                collect(RepresentativeQuotes.compute(tickets, QUOTES_PER_CATEGORY), ReportColumns.QUOTE.column()),
                write(PRODUCT_COMPLAINTS, ProductComplaints.compute(tickets, productNames), written),
                owners(inputs.get(Source.PRODUCTS).rows()), subtitle(window));
        Dashboard.write(out, tables);
        written.add(Dashboard.FILE);
        written.addAll(OwnerReports.write(out, tables));
        step("rejects");
        for (Ingested ingested : inputs.values()) {
            writeRejects(ingested, written);
        }
        Map<Source, Dataset<Row>> classified = new EnumMap<>(Map.of(
                Source.TICKETS, tickets, Source.RETURNS, returns, Source.STOCK_QUESTIONS, stockQuestions));
        step("uncertain texts for review");
        writeUncertain(classified, written);
        step("summary");
        Map<String, Double> tooManyRejects = tooManyRejects(inputs);
        Map<String, Object> summary = summary(inputs, classified, started, written, tooManyRejects);
        written.add(RUN_SUMMARY);
        RunSummaryWriter.write(out, RUN_SUMMARY, summary);
        step(null);
        return new RunResult(displayed(reportFolder.target()), List.copyOf(inputs.values()), written, classifier.modelVersion(),
                System.currentTimeMillis() - started, tooManyRejects);
    }

    private Map<Source, Ingested> read() {
        step("read export");
        folder = ExportFolder.open(config.input(), spark.sparkContext().hadoopConfiguration(), config.mapping());
        folder.ignored().forEach((file, why) -> progress.accept("ignored " + file + ": " + why));
        // A day of slack for clocks and time zones; anything later is a broken export, not a customer.
        ExportReader reader = new ExportReader(spark, config.shopZone(), Instant.now().plus(Duration.ofDays(1)));
        Map<Source, Ingested> inputs = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            inputs.put(source, reader.read(folder, source));
        }
        Ingested tickets = inputs.get(Source.TICKETS);
        if (tickets.used() == 0) {
            writeRejects(tickets, new ArrayList<>());
            String where = tickets.rejected() > 0
                    ? " (see " + displayed(new Path(reportFolder.keepAsFailed(), rejectsFile(Source.TICKETS))) + ")" : "";
            throw new UserError("no usable tickets in " + config.input() + ": " + tickets.read() + " rows read, "
                    + tickets.rejected() + " rejected" + where);
        }
        return inputs;
    }

    /** Inputs whose share of rejected rows is above the maximum: the export is probably broken. */
    private Map<String, Double> tooManyRejects(Map<Source, Ingested> inputs) {
        Map<String, Double> tooMany = new LinkedHashMap<>();
        for (Ingested ingested : inputs.values()) {
            double share = ingested.read() == 0 ? 0 : (double) ingested.rejected() / ingested.read();
            if (share > config.maxRejectShare()) {
                tooMany.put(ingested.source().fileName(), share);
            }
        }
        return tooMany;
    }

    private Dataset<Row> classified(Ingested ingested, Broadcast<ClassifierFactory> model) {
        step("classify " + ingested.source().fileStem());
        List<String> textColumns = ingested.source().textColumns().stream().map(SourceColumn::header).toList();
        return DatasetClassifier.classify(ingested.rows(), textColumns, model, config.minConfidence())
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    private void step(String description) {
        long now = System.currentTimeMillis();
        if (currentStep != null) {
            progress.accept(String.format(java.util.Locale.ROOT, "%-28s %6.1f s", currentStep, (now - stepStarted) / 1000.0));
        }
        currentStep = description;
        stepStarted = now;
        spark.sparkContext().setJobDescription(description);
    }

    /** Collects a small report and writes it; free-text columns named in {@code redact} are redacted. */
    private Table write(String name, Dataset<Row> report, List<String> written, String... redact) {
        Table table = collect(report, redact);
        CsvTableWriter.write(out, name, table);
        written.add(name);
        return table;
    }

    /** The trend window: --since/--until, by default the 7 days up to the newest ticket, so old exports work too. */
    private Instant[] trendWindow(Dataset<Row> tickets) {
        Instant until = config.until();
        if (until == null) {
            Timestamp newest = (Timestamp) tickets.agg(max(TicketColumns.CREATED_AT.header())).first().get(0);
            until = newest.toInstant().atZone(config.shopZone()).toLocalDate().plusDays(1)
                    .atStartOfDay(config.shopZone()).toInstant();
        }
        Instant since = config.since() != null ? config.since()
                : until.atZone(config.shopZone()).minusDays(RunConfig.DEFAULT_TREND_DAYS).toInstant();
        return new Instant[] {since, until};
    }

    private String subtitle(Instant[] window) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(config.shopZone());
        return "Export " + config.input() + "; trend window " + day.format(window[0]) + " to "
                + day.format(window[1].minusSeconds(1)) + " (" + config.shopZone().getId() + "); model "
                + classifier.modelVersion();
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

    private void writeRejects(Ingested ingested, List<String> written) {
        if (ingested.rejected() == 0) {
            return;
        }
        String name = rejectsFile(ingested.source());
        writeFromOneTask(ingested.rejects(), new Column[] {col(IngestColumns.FILE.column()), col(IngestColumns.LINE.column())},
                out, name, List.of("file", "line", "reason", "record"), -1, null);
        written.add(name);
    }

    /** Texts below the confidence threshold, redacted, with the model's two best guesses: for a person to label. */
    private void writeUncertain(Map<Source, Dataset<Row>> classified, List<String> written) {
        Dataset<Row> uncertain = null;
        for (Map.Entry<Source, Dataset<Row>> entry : classified.entrySet()) {
            Source source = entry.getKey();
            Column text = concat_ws("\n", source.textColumns().stream().map(c -> col(c.header())).toArray(Column[]::new));
            Dataset<Row> rows = entry.getValue()
                    .filter(col(ClassifiedColumns.CATEGORY.column()).equalTo(Category.UNCERTAIN.name()))
                    .select(lit(source.fileStem()).as("source"), col(source.idColumn().header()).as("id"),
                            // Empty for the reviewer to fill in; train --add reads the file as it is then.
                            lit("").as(ReportColumns.CATEGORY.column()),
                            text.as("text"), col(ClassifiedColumns.PREDICTED.column()),
                            col(ClassifiedColumns.CONFIDENCE.column()), col(ClassifiedColumns.RUNNER_UP.column()),
                            col(ClassifiedColumns.RUNNER_UP_CONFIDENCE.column()), col(ClassifiedColumns.LANGUAGE.column()));
            uncertain = uncertain == null ? rows : uncertain.unionByName(rows);
        }
        writeFromOneTask(uncertain, new Column[] {col("source"), col("id")}, out, UNCERTAIN_REVIEW,
                List.of(uncertain.columns()), List.of(uncertain.columns()).indexOf("text"), config.orderNumbers());
        written.add(UNCERTAIN_REVIEW);
    }

    /**
     * Writes a Dataset that may be large (rejects, texts for review) as one sorted CSV, written by one Spark task on
     * an executor: its rows never pass through the driver.
     *
     * @param redactIndex column whose text is redacted, or -1
     */
    private static void writeFromOneTask(Dataset<Row> rows, Column[] order, OutputFolder folder, String name,
                                         List<String> header, int redactIndex, Pattern orderNumbers) {
        rows.repartition(1).sortWithinPartitions(order).foreachPartition((ForeachPartitionFunction<Row>) partition ->
                CsvTableWriter.write(folder, name, header, new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return partition.hasNext();
                    }

                    @Override
                    public List<Object> next() {
                        List<Object> values = valuesOf(partition.next());
                        if (redactIndex >= 0) {
                            values.set(redactIndex, Redactor.redact((String) values.get(redactIndex), orderNumbers));
                        }
                        return values;
                    }
                }));
    }

    /** A report folder as people should see it: a plain path for local folders, the URI for other filesystems. */
    private static String displayed(Path folder) {
        return "file".equals(folder.toUri().getScheme()) ? folder.toUri().getPath() : folder.toString();
    }

    static String rejectsFile(Source source) {
        return "rejects/" + source.fileName();
    }

    /** Collects a small report Dataset into a table for the writers, redacting the named free-text columns. */
    private Table collect(Dataset<Row> report, String... redact) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : report.collectAsList()) {
            rows.add(valuesOf(row));
        }
        Table table = new Table(List.of(report.columns()), rows);
        for (String column : redact) {
            int index = table.columnIndex(column);
            table.rows().forEach(row -> row.set(index, Redactor.redact((String) row.get(index), config.orderNumbers())));
        }
        return table;
    }

    private static List<Object> valuesOf(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
        }
        return values;
    }

    private Map<String, Object> summary(Map<Source, Ingested> inputs, Map<Source, Dataset<Row>> classified,
                                        long started, List<String> written, Map<String, Double> tooManyRejects) {
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("input", config.input());
        run.put("output", displayed(reportFolder.target()));
        run.put("timezone", config.shopZone().getId());
        run.put("min_recurrence", config.minRecurrence());
        run.put("mapping", config.mapping() == null ? "detected per file" : config.mapping().name());
        run.put("max_reject_share", config.maxRejectShare());
        run.put("started_at", Instant.ofEpochMilli(started).atZone(config.shopZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        summary.put("run", run);
        summary.put("model_version", classifier.modelVersion());
        summary.put("window", window(inputs));
        Map<String, Object> perInput = new LinkedHashMap<>();
        for (Ingested ingested : inputs.values()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("rows_read", ingested.read());
            counts.put("rows_used", ingested.used());
            counts.put("rows_rejected", ingested.rejected());
            counts.put("rejects_file", ingested.rejected() > 0 ? rejectsFile(ingested.source()) : null);
            counts.put("files", ingested.files());
            perInput.put(ingested.source().fileName(), counts);
        }
        summary.put("inputs", perInput);
        summary.put("ignored_files", folder.ignored());
        summary.put("too_many_rejects", tooManyRejects);
        Map<String, Object> categories = countsBy(classified, ClassifiedColumns.CATEGORY.column());
        summary.put("classified", categories);
        summary.put("min_confidence", config.minConfidence());
        summary.put("calibration", classifier.calibration().summary());
        summary.put("share_estimate", new ShareEstimator(classifier.calibration()).adjusted()
                ? "best guesses of all classified tickets, adjusted for the model's errors on the shop's own labels"
                        + " (95 % intervals)"
                : "best guesses of all classified tickets counted (95 % sampling intervals)");
        summary.put("languages", countsBy(classified, ClassifiedColumns.LANGUAGE.column()));
        summary.put("reports", written);
        summary.put("duration_seconds", (System.currentTimeMillis() - started) / 1000.0);
        return summary;
    }

    /** Per source, the number of rows per value of a classification column; "no_text" for unclassified rows. */
    private static Map<String, Object> countsBy(Map<Source, Dataset<Row>> classified, String column) {
        Map<String, Object> perSource = new LinkedHashMap<>();
        for (Map.Entry<Source, Dataset<Row>> entry : classified.entrySet()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (Row row : entry.getValue().groupBy(column).agg(count("*")).orderBy(column).collectAsList()) {
                counts.put(row.isNullAt(0) ? "no_text" : row.getString(0), row.getLong(1));
            }
            perSource.put(entry.getKey().fileStem(), counts);
        }
        return perSource;
    }

    /** First and last timestamp over all inputs, in the shop's zone. */
    private Map<String, Object> window(Map<Source, Ingested> inputs) {
        Instant first = null;
        Instant last = null;
        for (Ingested ingested : inputs.values()) {
            for (SourceColumn column : ingested.source().columns()) {
                if (column.type() != ValueType.TIMESTAMP || column == TicketColumns.FIRST_RESPONSE_AT
                        || column == TicketColumns.RESOLVED_AT) {
                    continue;
                }
                Row bounds = ingested.rows().agg(min(column.header()), max(column.header())).first();
                if (!bounds.isNullAt(0)) {
                    Instant lo = ((Timestamp) bounds.get(0)).toInstant();
                    Instant hi = ((Timestamp) bounds.get(1)).toInstant();
                    first = first == null || lo.isBefore(first) ? lo : first;
                    last = last == null || hi.isAfter(last) ? hi : last;
                }
            }
        }
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("first", first == null ? null : first.atZone(config.shopZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        window.put("last", last == null ? null : last.atZone(config.shopZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return window;
    }
}
