package nl.defenceline.schema;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The files of an export folder, with their columns and the id that identifies a row. */
public enum Source {
    TICKETS("tickets", true, TicketColumns.values(), true),
    RETURNS("returns", false, ReturnColumns.values(), false),
    STOCK_QUESTIONS("stock_questions", false, StockQuestionColumns.values(), false),
    PRODUCTS("products", false, ProductColumns.values(), false),
    ORDERS("orders", false, OrderColumns.values(), false);

    private final String name;
    private final boolean requiredFile;
    private final List<SourceColumn> columns;
    private final boolean needsText;

    Source(String name, boolean requiredFile, SourceColumn[] columns, boolean needsText) {
        this.name = name;
        this.requiredFile = requiredFile;
        this.columns = List.of(columns);
        this.needsText = needsText;
    }

    /** File stem in the export folder and in the rejects folder, e.g. {@code tickets}. */
    public String fileStem() {
        return name;
    }

    public String fileName() {
        return name + ".csv";
    }

    /** Whether a run needs this source: only tickets; a missing other source reads as no rows. */
    public boolean requiredFile() {
        return requiredFile;
    }

    public List<SourceColumn> columns() {
        return columns;
    }

    /** Whether a row must carry some text to classify (a ticket with neither subject nor body says nothing). */
    public boolean needsText() {
        return needsText;
    }

    /** The column that identifies a row: the first one. */
    public SourceColumn idColumn() {
        return columns.get(0);
    }

    /** The columns that together identify a row; rows that share them are duplicates and the latest export wins. */
    public List<SourceColumn> keyColumns() {
        return this == ORDERS ? List.of(OrderColumns.ORDER_ID, OrderColumns.SKU) : List.of(idColumn());
    }

    /** The free-text columns that are classified, in reading order. */
    public List<SourceColumn> textColumns() {
        return switch (this) {
            case TICKETS -> List.of(TicketColumns.SUBJECT, TicketColumns.BODY);
            case RETURNS -> List.of(ReturnColumns.REASON_TEXT);
            case STOCK_QUESTIONS -> List.of(StockQuestionColumns.TEXT);
            case PRODUCTS, ORDERS -> List.of();
        };
    }

    /** The typed Spark schema of the rows this source yields; every column nullable. */
    public StructType schema() {
        return new StructType(columns.stream()
                .map(c -> DataTypes.createStructField(c.header(), c.type().sparkType(), true))
                .toArray(StructField[]::new));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Source::fileStem).toList();
    }
}
