package nl.defenceline.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Columns that classification adds to a row of free text; all null when the row has no text. The last two are for the
 * reports only (not in {@code classified/}): what the classifier's tokens say about the text's shape, so that no
 * report has to clean and tokenise a text again.
 */
public enum ClassifiedColumns {
    /** The category the reports count: the model's best, or UNCERTAIN below the confidence threshold. */
    CATEGORY("category", DataTypes.StringType),
    /** The model's probability for its best category. */
    CONFIDENCE("confidence", DataTypes.DoubleType),
    /** The model's best category, also when the row counts as UNCERTAIN. */
    PREDICTED("predicted", DataTypes.StringType),
    RUNNER_UP("runner_up", DataTypes.StringType),
    RUNNER_UP_CONFIDENCE("runner_up_confidence", DataTypes.DoubleType),
    LANGUAGE("language", DataTypes.StringType),
    /** How many words of the customer's own message the classifier read. */
    WORDS("_words", DataTypes.IntegerType, false),
    /** Equal for texts with the same content words ({@code TextCleaner.contentKey}). */
    CONTENT_KEY("_content_key", DataTypes.LongType, false);

    private final String column;
    private final DataType type;
    private final boolean exported;

    ClassifiedColumns(String column, DataType type) {
        this(column, type, true);
    }

    ClassifiedColumns(String column, DataType type, boolean exported) {
        this.column = column;
        this.type = type;
        this.exported = exported;
    }

    /** Whether the column is part of {@code classified/<source>.csv}. */
    public boolean exported() {
        return exported;
    }

    public String column() {
        return column;
    }

    public DataType type() {
        return type;
    }
}
