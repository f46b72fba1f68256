package nl.defenceline.schema;

/** One column of an input source: its canonical CSV header (also its Spark column name), type and presence. */
public interface SourceColumn {

    /** Canonical header in the export and column name in Spark. */
    String header();

    ValueType type();

    Presence presence();
}
