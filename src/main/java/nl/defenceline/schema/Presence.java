package nl.defenceline.schema;

/** How strictly an input column must be present. */
public enum Presence {
    /** The header must have the column and every row a value; rows without one are rejected. */
    VALUE,
    /** The header must have the column; a row may leave it empty. */
    COLUMN,
    /** The column may be missing from the header altogether. */
    OPTIONAL
}
