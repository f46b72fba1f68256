package nl.defenceline;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Builds small typed Datasets of a source for report tests: only the columns a test names get values. */
public final class Rows {

    private final Source source;
    private final boolean classified;
    private final List<Row> rows = new ArrayList<>();

    private Rows(Source source, boolean classified) {
        this.source = source;
        this.classified = classified;
    }

    public static Rows of(Source source) {
        return new Rows(source, false);
    }

    /** Rows that also carry the columns classification adds. */
    public static Rows classified(Source source) {
        return new Rows(source, true);
    }

    /** Local wall-clock time in Amsterdam, the suite's session zone. */
    public static Timestamp at(String localDateTime) {
        return Timestamp.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Amsterdam")).toInstant());
    }

    /** Adds a row from column/value pairs, e.g. {@code add(TicketColumns.SKU, "A", ...)}. */
    public Rows add(Object... columnsAndValues) {
        int width = source.columns().size() + (classified ? ClassifiedColumns.values().length : 0);
        Object[] values = new Object[width];
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object key = columnsAndValues[i];
            int index = key instanceof SourceColumn column ? source.columns().indexOf(column)
                    : source.columns().size() + ((ClassifiedColumns) key).ordinal();
            values[index] = columnsAndValues[i + 1];
        }
        rows.add(RowFactory.create(values));
        return this;
    }

    public Dataset<Row> toDataset(SparkSession spark) {
        StructType schema = source.schema();
        if (classified) {
            for (ClassifiedColumns column : ClassifiedColumns.values()) {
                schema = schema.add(column.column(), column.type());
            }
        }
        return spark.createDataFrame(rows, schema);
    }
}
