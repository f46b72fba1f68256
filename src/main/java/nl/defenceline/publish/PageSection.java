package nl.defenceline.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.defenceline.schema.ReportColumns;

/**
 * How a report shows on a page: its copy (message keys {@code section.<key>.heading} and {@code .action}), its form,
 * and which of its rows and columns.
 *
 * @param rowsWhere a column whose value must equal {@code equalTo} for a row to be shown, or null for all rows
 * @param columns   the columns shown, in order; empty for all
 */
public record PageSection(String key, View view, ReportColumns rowsWhere, Object equalTo, List<ReportColumns> columns)
        implements java.io.Serializable {

    /** The form a section takes. */
    public enum View {
        /** The rows as a table. */
        TABLE,
        /** A Pareto chart of the categories with their table (complaint sources). */
        PARETO,
        /** A weekday x hour heat map (busiest hours). */
        HEATMAP,
        /** One redacted quote per row: category, quote. */
        QUOTES,
        /** One card per row (a product), filled by the reports that declare a part of the cards (ProductCards). */
        CARDS
    }

    public PageSection {
        Objects.requireNonNull(key);
        Objects.requireNonNull(view);
        columns = List.copyOf(columns);
    }

    public static PageSection of(String key, View view) {
        return new PageSection(key, view, null, null, List.of());
    }

    /** Shows only the rows whose {@code column} equals {@code value} (which may be null). */
    public PageSection rowsWhere(ReportColumns column, Object value) {
        return new PageSection(key, view, column, value, columns);
    }

    public PageSection columns(ReportColumns... shown) {
        return new PageSection(key, view, rowsWhere, equalTo, List.of(shown));
    }

    /** The rows and columns of a report table this section shows. */
    public Table shown(Table table) {
        Table rows = table;
        if (rowsWhere != null) {
            int index = table.columnIndex(rowsWhere.column());
            rows = new Table(table.header(), table.rows().stream()
                    .filter(row -> Objects.equals(row.get(index), equalTo)).toList());
        }
        if (columns.isEmpty()) {
            return rows;
        }
        List<String> header = columns.stream().map(ReportColumns::column).toList();
        int[] indexes = header.stream().mapToInt(rows::columnIndex).toArray();
        List<List<Object>> selected = new ArrayList<>();
        for (List<Object> row : rows.rows()) {
            List<Object> values = new ArrayList<>(indexes.length);
            for (int index : indexes) {
                values.add(row.get(index));
            }
            selected.add(values);
        }
        return new Table(header, selected);
    }
}
