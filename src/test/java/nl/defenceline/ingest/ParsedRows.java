package nl.defenceline.ingest;

import nl.defenceline.schema.IngestColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** The bookkeeping columns of rows a reader parsed, found by name in {@link SourceFileReader#parsedSchema}. */
final class ParsedRows {

    private final StructType schema;

    private ParsedRows(Source source) {
        this.schema = SourceFileReader.parsedSchema(source);
    }

    static ParsedRows of(Source source) {
        return new ParsedRows(source);
    }

    String file(Row row) {
        return row.getString(schema.fieldIndex(IngestColumns.FILE.column()));
    }

    long line(Row row) {
        return row.getLong(schema.fieldIndex(IngestColumns.LINE.column()));
    }

    String reason(Row row) {
        return row.getString(schema.fieldIndex(IngestColumns.REJECT_REASON.column()));
    }

    String raw(Row row) {
        return row.getString(schema.fieldIndex(IngestColumns.RAW.column()));
    }
}
