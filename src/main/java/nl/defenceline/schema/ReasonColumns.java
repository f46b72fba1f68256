package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Columns that reading the return reason adds to a return; the comment's columns are null without a comment. */
public enum ReasonColumns {
    /** The reason the reports count (see {@code classify.ReturnReasonDecision}). */
    REASON("reason", DataTypes.StringType),
    /** What decided it: code, comment, shop_code or none. */
    REASON_FROM("reason_from", DataTypes.StringType),
    /** The return-reason model's reading of the comment, also when it did not decide. */
    COMMENT_REASON("comment_reason", DataTypes.StringType),
    COMMENT_CONFIDENCE("comment_confidence", DataTypes.DoubleType),
    COMMENT_RUNNER_UP("comment_runner_up", DataTypes.StringType),
    /** A specific code that a confident comment contradicts ("coded 'changed mind', comment says too small"). */
    COMMENT_DISAGREES("comment_disagrees", DataTypes.BooleanType),
    /** The comment's language, named as the ticket model's language column. */
    LANGUAGE(ClassifiedColumns.LANGUAGE.column(), DataTypes.StringType);

    private final String column;
    private final DataType type;

    ReasonColumns(String column, DataType type) {
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
