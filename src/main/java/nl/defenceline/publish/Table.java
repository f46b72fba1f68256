package nl.defenceline.publish;

import java.util.List;

/**
 * A small, already collected report table: what the writers take, so they never touch Spark.
 *
 * @param header column names
 * @param rows   values in header order: String, Number, Boolean, java.sql.Date/LocalDate or null
 */
public record Table(List<String> header, List<List<Object>> rows) {

    /** A table of one note row, for a report that could not be computed. */
    public static Table note(String note) {
        return new Table(List.of(nl.defenceline.schema.ReportColumns.NOTE.column()), List.of(List.of(note)));
    }

    public int columnIndex(String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return index;
    }
}
