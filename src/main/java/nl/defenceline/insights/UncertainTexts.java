package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import nl.defenceline.classify.Category;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The texts below the confidence threshold, with the model's two best guesses: for a person to label. Unredacted. */
public final class UncertainTexts {

    private UncertainTexts() {
    }

    /**
     * Columns: source, id, category (empty, for the reviewer to fill in: {@code train --add} reads the file as it is
     * then), text (the source's text columns joined by newlines), predicted, confidence, runner_up,
     * runner_up_confidence, language.
     *
     * @param classified the classified rows of each source with text
     */
    public static Dataset<Row> compute(Map<Source, Dataset<Row>> classified) {
        Dataset<Row> uncertain = null;
        for (Map.Entry<Source, Dataset<Row>> entry : classified.entrySet()) {
            Source source = entry.getKey();
            Column text = concat_ws("\n",
                    source.textColumns().stream().map(c -> col(c.header())).toArray(Column[]::new));
            Dataset<Row> rows = entry.getValue()
                    .filter(col(ClassifiedColumns.CATEGORY.column()).equalTo(Category.UNCERTAIN.name()))
                    .select(lit(source.fileStem()).as(ReportColumns.SOURCE.column()),
                            col(source.idColumn().header()).as(ReportColumns.ID.column()),
                            lit("").as(ReportColumns.CATEGORY.column()),
                            text.as(ReportColumns.TEXT.column()),
                            col(ClassifiedColumns.PREDICTED.column()), col(ClassifiedColumns.CONFIDENCE.column()),
                            col(ClassifiedColumns.RUNNER_UP.column()),
                            col(ClassifiedColumns.RUNNER_UP_CONFIDENCE.column()),
                            col(ClassifiedColumns.LANGUAGE.column()));
            uncertain = uncertain == null ? rows : uncertain.unionByName(rows);
        }
        if (uncertain == null) {
            throw new IllegalArgumentException("no classified source");
        }
        return uncertain;
    }
}
