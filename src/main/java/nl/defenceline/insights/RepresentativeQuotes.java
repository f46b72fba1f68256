package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The tickets the model is surest of per category: typical examples of what customers write, as the customer's own
 * words (no reply history, greeting or signature), at most {@link #MAX_LENGTH} characters. Unredacted.
 */
public final class RepresentativeQuotes {

    static final int MAX_LENGTH = 300;

    private static final UserDefinedFunction OWN_WORDS = udf((String text) -> {
        String own = RecurringThemes.oneLine(TextCleaner.ownMessage(text));
        return own.length() > MAX_LENGTH ? own.substring(0, MAX_LENGTH - 1) + "…" : own;
    }, DataTypes.StringType);

    private RepresentativeQuotes() {
    }

    /** Columns: category, quote (subject and body); at most {@code perCategory} per category, surest first. */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, int perCategory) {
        String category = ReportColumns.CATEGORY.column();
        String quote = ReportColumns.QUOTE.column();
        // The body is the customer's message; the subject only when there is no body. Equal quotes show once.
        return classifiedTickets
                .select(col(ClassifiedColumns.CATEGORY.column()).as(category),
                        OWN_WORDS.apply(coalesce(col(TicketColumns.BODY.header()), col(TicketColumns.SUBJECT.header())))
                                .as(quote),
                        col(ClassifiedColumns.CONFIDENCE.column()))
                .groupBy(category, quote).agg(max(ClassifiedColumns.CONFIDENCE.column()).as(WorkingColumns.CONFIDENCE.column()))
                .withColumn(WorkingColumns.RANK.column(), row_number().over(Window.partitionBy(category)
                        .orderBy(desc(WorkingColumns.CONFIDENCE.column()), col(quote))))
                .filter(col(WorkingColumns.RANK.column()).leq(perCategory))
                .orderBy(col(category), col(WorkingColumns.RANK.column()))
                .select(col(category), col(quote));
    }
}
