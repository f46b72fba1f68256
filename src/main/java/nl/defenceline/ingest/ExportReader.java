package nl.defenceline.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads the sources of an export folder into Datasets, splitting usable rows from rejects. Rows with the same id are
 * duplicates: the one from the latest export (then the latest line) is used, the others are rejected.
 */
public final class ExportReader {

    private final SparkSession spark;
    private final ZoneId shopZone;
    private final Instant latest;
    private final int maxFieldSize;
    private final long splitBytes;

    /** Characters a field (and a JSON line) may hold by default: far above any real message, far below the heap. */
    public static final int DEFAULT_MAX_FIELD_SIZE = 4 * 1024 * 1024;
    /**
     * Bytes of a CSV file one task parses by default: a larger file is cut into pieces of about this size, parsed in
     * parallel (about 80,000 tickets of real length; smaller files stay one task, where the cutting would not pay).
     */
    public static final long DEFAULT_SPLIT_BYTES = 16L * 1024 * 1024;

    /**
     * @param latest       timestamps after this instant are rejected as in the future
     * @param maxFieldSize characters a field or record may hold; a longer one is rejected without being held in memory
     */
    public ExportReader(SparkSession spark, ZoneId shopZone, Instant latest, int maxFieldSize) {
        this(spark, shopZone, latest, maxFieldSize, DEFAULT_SPLIT_BYTES);
    }

    /** @param splitBytes a CSV file larger than this is parsed in pieces of about this size, in parallel */
    public ExportReader(SparkSession spark, ZoneId shopZone, Instant latest, int maxFieldSize, long splitBytes) {
        if (splitBytes < 1) {
            throw new IllegalArgumentException("splitBytes must be at least 1, not " + splitBytes);
        }
        this.spark = spark;
        this.shopZone = shopZone;
        this.latest = latest;
        this.maxFieldSize = maxFieldSize;
        this.splitBytes = splitBytes;
    }

    /**
     * Reads one source; a source without files reads as no rows. Runs one Spark job to count, and one before it to
     * find where its large CSV files can be cut into pieces for parallel parsing (see {@link FilePieces}).
     */
    public Ingested read(ExportFolder folder, Source source) {
        List<ExportFolder.ExportFile> files = folder.files(source);
        if (files.isEmpty()) {
            Dataset<Row> none = spark.createDataFrame(List.of(), source.schema());
            return new Ingested(source, none, spark.createDataFrame(List.of(), rejectSchema()), 0, 0, List.of());
        }
        Map<String, SourceFileReader.FileInput> inputs = new HashMap<>();
        Map<String, Integer> jsonOrders = new HashMap<>();
        for (ExportFolder.ExportFile file : files) {
            if (file.format() == ExportFolder.Format.ZENDESK_JSON) {
                jsonOrders.put(file.name(), file.order());
            } else {
                inputs.put(file.name(), new SourceFileReader.FileInput(file.mapping(), file.order()));
            }
        }
        SourceFileReader reader = new SourceFileReader(source, shopZone, inputs, latest, maxFieldSize);
        ZendeskJsonReader json = new ZendeskJsonReader(jsonOrders, latest, maxFieldSize);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableWritable<Configuration>> conf =
                context.broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
        List<FilePieces.Task> tasks;
        try {
            tasks = FilePieces.plan(context, conf, files, source, splitBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaRDD<Row> parsed = context.parallelize(tasks, tasks.size()).flatMap(task -> {
            Configuration hadoop = conf.value().value();
            SourceFileReader.Opener file = () -> FilePieces.open(hadoop, task.path(), 0, Long.MAX_VALUE);
            if (task.piece() == null) {
                return task.json() ? json.read(task.name(), file) : reader.read(task.name(), file);
            }
            SourceFileReader.Opener piece = () -> FilePieces.open(hadoop, task.path(), task.piece().start(),
                    task.piece().end());
            return reader.read(task.name(), file, piece, task.dialect(), task.piece());
        });
        // A small file is parsed by one task, so the rows are spread over all cores before anything else (caching,
        // classification) works on them, by key: all copies of a key then share a partition, and the duplicate check
        // needs no further shuffle or sort. They are cached once: the duplicate check reads them twice (keys, then
        // the join), and the join with the few duplicated keys is cheap to repeat, so its result is not cached.
        Dataset<Row> parsedRows = spark.createDataFrame(parsed, SourceFileReader.parsedSchema(source))
                .repartition(2 * spark.sparkContext().defaultParallelism(), keyOf(source))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> all = withDuplicatesRejected(source, parsedRows);
        Column rejected = col(IngestColumns.REJECT_REASON.column()).isNotNull();
        Row counts = all.agg(count("*"), count(when(rejected, 1))).first();
        Dataset<Row> rows = all.filter(rejected.unary_$bang()).select(columnsOf(source));
        Dataset<Row> rejects = all.filter(rejected).select(rejectColumns());
        return new Ingested(source, rows, rejects, counts.getLong(0), counts.getLong(1),
                files.stream().map(f -> f.name() + " (" + f.readAs() + ")").toList());
    }

    /**
     * Marks every usable row whose key a later row (later export, then later line) also has as a rejected duplicate.
     * Only the keys are aggregated: the full rows, texts included, are not shuffled, and the (usually empty) set of
     * duplicated keys is joined back.
     */
    static Dataset<Row> withDuplicatesRejected(Source source, Dataset<Row> parsed) {
        List<String> keyNames = source.keyColumns().stream().map(SourceColumn::header).toList();
        Column[] key = keyOf(source);
        Column reason = col(IngestColumns.REJECT_REASON.column());
        Dataset<Row> latest = parsed.filter(reason.isNull())
                .groupBy(key)
                .agg(count("*").as("_copies"), max(struct(col(IngestColumns.FILE_ORDER.column()),
                        col(IngestColumns.LINE.column()), col(IngestColumns.FILE.column()))).as("_latest"))
                .filter(col("_copies").gt(1))
                .drop("_copies");
        Column winner = col("_latest");
        Column duplicate = reason.isNull().and(winner.isNotNull())
                .and(col(IngestColumns.FILE_ORDER.column()).notEqual(winner.getField(IngestColumns.FILE_ORDER.column()))
                        .or(col(IngestColumns.LINE.column()).notEqual(winner.getField(IngestColumns.LINE.column()))));
        Column keyValue = keyNames.size() == 1 ? col(keyNames.get(0)) : concat_ws("+", key);
        Column replacedBy = concat(lit("duplicate " + String.join("+", keyNames) + " '"), keyValue,
                lit("': replaced by "), winner.getField(IngestColumns.FILE.column()), lit(" line "),
                winner.getField(IngestColumns.LINE.column()).cast("string"));
        Column[] columns = Arrays.stream(parsed.columns())
                .map(c -> c.equals(IngestColumns.REJECT_REASON.column())
                        ? coalesce(reason, when(duplicate, replacedBy)).as(c) : col(c))
                .toArray(Column[]::new);
        // A hash join on the partitions as they are: a sort-merge join would sort every row, texts included.
        return parsed.join(latest.hint("shuffle_hash"), CollectionConverters.asScala(keyNames).toSeq(), "left")
                .select(columns);
    }

    private static Column[] keyOf(Source source) {
        return source.keyColumns().stream().map(c -> col(c.header())).toArray(Column[]::new);
    }

    private static Column[] columnsOf(Source source) {
        return source.columns().stream().map(c -> col(c.header())).toArray(Column[]::new);
    }

    private static Column[] rejectColumns() {
        return Arrays.stream(IngestColumns.values()).filter(c -> c != IngestColumns.FILE_ORDER)
                .map(c -> col(c.column())).toArray(Column[]::new);
    }

    /** Schema of the rejects Dataset: file, line, reason, raw record. */
    public static StructType rejectSchema() {
        StructType schema = new StructType();
        for (IngestColumns meta : IngestColumns.values()) {
            if (meta != IngestColumns.FILE_ORDER) {
                schema = schema.add(meta.column(), meta.type(), true);
            }
        }
        return schema;
    }
}
