package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
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
     * Columns: id, category, confidence, predicted, runner_up, runner_up_confidence, language, and for returns the
     * return reason (from the drop-down code, else the comment). Rows without text have empty classification columns.
     */
    public static Dataset<Row> compute(Dataset<Row> classified, Source source) {
        List<Column> columns = new ArrayList<>();
        columns.add(col(source.idColumn().header()).as(ReportColumns.ID.column()));
        for (ClassifiedColumns column : ClassifiedColumns.values()) {
            columns.add(col(column.column()));
        }
        if (source == Source.RETURNS) {
            columns.add(RecurringReturnReasons.REASON.apply(col(ReturnColumns.REASON_CODE.header()),
                    col(ReturnColumns.REASON_TEXT.header())).as(ReportColumns.REASON.column()));
        }
        return classified.select(columns.toArray(Column[]::new));
    }
}
