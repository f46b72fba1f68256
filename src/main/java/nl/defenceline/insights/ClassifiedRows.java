package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every classified row of a source, without its text: to join the results back into the helpdesk or a BI tool by id.
 */
public final class ClassifiedRows {

    private ClassifiedRows() {
    }

    /**
     * Columns: id, category, confidence, predicted, runner_up, runner_up_confidence, language; for returns instead
     * id, reason, reason_from, comment_reason, comment_confidence, comment_runner_up, comment_disagrees, language (the
     * return-reason model reads return comments). Rows without text have empty classification columns.
     */
    public static Dataset<Row> compute(Dataset<Row> classified, Source source) {
        List<Column> columns = new ArrayList<>();
        columns.add(col(source.idColumn().header()).as(ReportColumns.ID.column()));
        if (source == Source.RETURNS) {
            for (ReasonColumns column : ReasonColumns.values()) {
                columns.add(col(column.column()));
            }
        } else {
            for (ClassifiedColumns column : ClassifiedColumns.values()) {
                if (column.exported()) {
                    columns.add(col(column.column()));
                }
            }
        }
        return classified.select(columns.toArray(Column[]::new));
    }
}
