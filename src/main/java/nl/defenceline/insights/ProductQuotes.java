package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import nl.defenceline.classify.Category;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * A few customers' own words per product, for its card: one per complaint category of its tickets and one return
 * comment, the most frequent first, each the text the model was surest of. Unredacted.
 */
public final class ProductQuotes {

    static final int MAX_CHARS = 200;
    /** A quote needs this many words to say something ("Other", "te klein" do not). */
    static final int MIN_WORDS = 4;
    static final String TICKET = "ticket";
    static final String RETURN = "return";

    private static final UserDefinedFunction OWN_WORDS = udf((String text) -> quote(text), DataTypes.StringType);

    private ProductQuotes() {
    }

    /**
     * Columns: sku, source (ticket or return), id, quote; at most {@code perProduct} per sku, in the order of the
     * card. Tickets classified OTHER or UNCERTAIN say nothing about the page and are left out.
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, Dataset<Row> returns, int perProduct) {
        String sku = ReportColumns.SKU.column();
        String quote = ReportColumns.QUOTE.column();
        String key = WorkingColumns.LABEL.column();
        Dataset<Row> tickets = classifiedTickets
                .filter(col(TicketColumns.SKU.header()).isNotNull().and(not(col(ClassifiedColumns.CATEGORY.column())
                        .isin(Category.OTHER.name(), Category.UNCERTAIN.name()))))
                .select(col(TicketColumns.SKU.header()).as(sku), lit(TICKET).as(ReportColumns.SOURCE.column()),
                        col(TicketColumns.TICKET_ID.header()).as(ReportColumns.ID.column()),
                        col(ClassifiedColumns.CATEGORY.column()).as(key),
                        OWN_WORDS.apply(when(length(trim(col(TicketColumns.BODY.header()))).gt(0),
                                col(TicketColumns.BODY.header())).otherwise(col(TicketColumns.SUBJECT.header())))
                                .as(quote),
                        col(ClassifiedColumns.CONFIDENCE.column()).as(WorkingColumns.CONFIDENCE.column()));
        Dataset<Row> comments = returns
                .select(col(ReturnColumns.SKU.header()).as(sku), lit(RETURN).as(ReportColumns.SOURCE.column()),
                        col(ReturnColumns.RETURN_ID.header()).as(ReportColumns.ID.column()), lit(RETURN).as(key),
                        OWN_WORDS.apply(col(ReturnColumns.REASON_TEXT.header())).as(quote),
                        lit(null).cast(DataTypes.DoubleType).as(WorkingColumns.CONFIDENCE.column()));
        String id = ReportColumns.ID.column();
        String source = ReportColumns.SOURCE.column();
        String best = WorkingColumns.BEST.column();
        // Per (sku, label) one aggregate, not a window over every quote: the surest text (highest confidence, then
        // shortest id, then first id; returns have no confidence), with the number of quotable texts.
        Column surest = struct(coalesce(negate(col(WorkingColumns.CONFIDENCE.column())), lit(Double.MAX_VALUE)),
                length(col(id)), col(id));
        return tickets.unionByName(comments)
                .filter(col(quote).isNotNull())
                .groupBy(col(sku), col(key))
                .agg(count("*").as(WorkingColumns.COPIES.column()),
                        min_by(struct(col(source), col(id), col(quote)), surest).as(best))
                .withColumn(WorkingColumns.RANKED.column(), dense_rank().over(Window.partitionBy(sku).orderBy(
                        col(WorkingColumns.COPIES.column()).desc(), col(key))))
                .filter(col(WorkingColumns.RANKED.column()).leq(perProduct))
                .orderBy(col(sku), col(WorkingColumns.RANKED.column()))
                .select(col(sku), col(best).getField(source).as(source), col(best).getField(id).as(id),
                        col(best).getField(quote).as(quote));
    }

    /** The customer's own words on one line, cut short; null when they are too few to quote. */
    static String quote(String text) {
        if (text == null) {
            return null;
        }
        String own = RecurringThemes.ownWords(text);
        return RecurringThemes.words(own) < MIN_WORDS ? null : RecurringThemes.cut(own, MAX_CHARS);
    }
}
