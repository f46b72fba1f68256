package nl.defenceline.schema;

/**
 * Intermediate columns the reports compute with and drop before they return: named here so no two steps of one
 * report can collide on a literal, and so none leaks into a report unnoticed (their names start with an underscore).
 */
public enum WorkingColumns {
    TEXT, COPIES, ALIKE_COUNT, RANK, LABEL, RANKED, BEST, PARETO_RANK, HOURS, ORDER, REPEAT,
    CONFIDENCE, CATALOGUE_NAME, RETURNED_NAME, ORDERED, TOTAL,
    /** The column of {@code SparkSession.range}: Spark's name, not ours. */
    ID("id"),
    ORIGIN, COMMENT_ID, COMMENTS;

    private final String column;

    WorkingColumns() {
        this.column = null;
    }

    WorkingColumns(String column) {
        this.column = column;
    }

    public String column() {
        return column != null ? column : "_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
