package nl.defenceline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/** Reads the sources of an export folder into Datasets, splitting usable rows from rejects. */
public final class ExportReader {

    private final SparkSession spark;
    private final ZoneId shopZone;

    public ExportReader(SparkSession spark, ZoneId shopZone) {
        this.spark = spark;
        this.shopZone = shopZone;
    }

    /** Reads one source; a missing optional file reads as no rows. Runs one Spark job to count. */
    public Ingested read(ExportFolder folder, Source source) {
        if (folder.file(source).isEmpty()) {
            Dataset<Row> none = spark.createDataFrame(List.of(), source.schema());
            return new Ingested(source, none, spark.createDataFrame(List.of(), rejectSchema()), 0, 0);
        }
        SourceFileReader reader = new SourceFileReader(source, shopZone);
        // Each file is parsed whole by one task: quoted fields may span lines, so a file cannot be split at newlines.
        JavaRDD<Row> parsed = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .binaryFiles(folder.file(source).get())
                .flatMap(file -> reader.read(fileName(file._1()), file._2().open()));
        Dataset<Row> all = spark.createDataFrame(parsed, SourceFileReader.parsedSchema(source))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Column rejected = col(IngestColumns.REJECT_REASON.column()).isNotNull();
        Row counts = all.agg(
count("*"), count(when(rejected, 1)))
                .first();
        Dataset<Row> rows = all.filter(rejected.unary_$bang()).select(columnsOf(source));
        Dataset<Row> rejects = all.filter(rejected).select(rejectColumns());
        return new Ingested(source, rows, rejects, counts.getLong(0), counts.getLong(1));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Column[] columnsOf(Source source) {
        return source.columns().stream().map(SourceColumn::header).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
    }

    private static Column[] rejectColumns() {
        return Arrays.stream(IngestColumns.values()).map(c -> col(c.column())).toArray(Column[]::new);
    }

    /** Schema of the rejects Dataset: the ingest bookkeeping columns. */
    public static StructType rejectSchema() {
        StructType schema = new StructType();
        for (IngestColumns meta : IngestColumns.values()) {
            schema = schema.add(meta.column(), meta.type(), true);
        }
        return schema;
    }
}
