package nl.defenceline.schema;

/** Columns that classification adds to a row of free text. */
public enum ClassifiedColumns {
    CATEGORY("category"),
    CONFIDENCE("confidence");

    private final String column;

    ClassifiedColumns(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
