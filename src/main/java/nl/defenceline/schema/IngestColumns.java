package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Bookkeeping columns that ingest adds to each parsed row so it can be traced back to its file and line. */
public enum IngestColumns {
    FILE("_file", DataTypes.StringType),
    LINE("_line", DataTypes.LongType),
    REJECT_REASON("_reject_reason", DataTypes.StringType),
    RAW("_raw", DataTypes.StringType);

    private final String column;
    private final DataType type;

    IngestColumns(String column, DataType type) {
        this.column = column;
        this.type = type;
    }

    public String column() {
        return column;
    }

    public DataType type() {
        return type;
    }
}
