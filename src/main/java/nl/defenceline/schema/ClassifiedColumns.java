package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Columns that classification adds to a row of free text; all null when the row has no text. */
public enum ClassifiedColumns {
    /** The category the reports count: the model's best, or UNCERTAIN below the confidence threshold. */
    CATEGORY("category", DataTypes.StringType),
    /** The model's probability for its best category. */
    CONFIDENCE("confidence", DataTypes.DoubleType),
    /** The model's best category, also when the row counts as UNCERTAIN. */
    PREDICTED("predicted", DataTypes.StringType),
    RUNNER_UP("runner_up", DataTypes.StringType),
    RUNNER_UP_CONFIDENCE("runner_up_confidence", DataTypes.DoubleType),
    LANGUAGE("language", DataTypes.StringType);

    private final String column;
    private final DataType type;

    ClassifiedColumns(String column, DataType type) {
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
