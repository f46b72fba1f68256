package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Bookkeeping columns that ingest adds to each parsed row so it can be traced back to its file and line. */
public enum IngestColumns {
    FILE("_file", DataTypes.StringType),
    LINE("_line", DataTypes.LongType),
    /** Position of the file among the source's files, oldest export first: a later export wins a duplicate id. */
    FILE_ORDER("_file_order", DataTypes.IntegerType),
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
