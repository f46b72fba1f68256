package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The kinds of value an input column holds, with the Spark type each becomes. */
public enum ValueType {
    TEXT(DataTypes.StringType),
    TIMESTAMP(DataTypes.TimestampType),
    INTEGER(DataTypes.IntegerType),
    DECIMAL(DataTypes.DoubleType),
    CHANNEL(DataTypes.StringType);

    private final DataType sparkType;

    ValueType(DataType sparkType) {
        this.sparkType = sparkType;
    }

    public DataType sparkType() {
        return sparkType;
    }
}
