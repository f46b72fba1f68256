package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;

import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The ids behind the findings of each product's card, for the owner to look up in the helpdesk: the tickets of each
 * complaint category, the returns of each return reason and the stock questions of the product. The newest
 * {@value #MAX_PER_FINDING} of each; every row, with its text, is in classified/ and the export.
 */
public final class Evidence {

    /** Ids per finding: enough to read a sample in the helpdesk, and a bounded table however large the export. */
    public static final int MAX_PER_FINDING = 100;
    public static final String CATEGORY = "category";
    public static final String RETURN_REASON = "return_reason";
    public static final String STOCK_QUESTION = "stock_question";
    static final String TICKET = "ticket";
    static final String RETURN = "return";

    private Evidence() {
    }

    /**
     * Columns: sku, finding (category, return_reason or stock_question), key (the category or the return reason; null
     * for stock questions), source (ticket, return or stock_question), id, date (shop time). Per sku, finding and key
     * the newest {@value #MAX_PER_FINDING}; ordered by sku, finding, key, newest first.
     *
     * @param returns classified returns, each with its decided reason
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, Dataset<Row> returns,
                                       Dataset<Row> stockQuestions) {
        Dataset<Row> tickets = rows(classifiedTickets.filter(col(TicketColumns.SKU.header()).isNotNull()),
                TicketColumns.SKU.header(), CATEGORY, col(ClassifiedColumns.CATEGORY.column()), TICKET,
                TicketColumns.TICKET_ID.header(), TicketColumns.CREATED_AT.header());
        Dataset<Row> returned = rows(returns, ReturnColumns.SKU.header(), RETURN_REASON,
                col(ReasonColumns.REASON.column()), RETURN, ReturnColumns.RETURN_ID.header(),
                ReturnColumns.RETURNED_AT.header());
        Dataset<Row> asked = rows(stockQuestions, StockQuestionColumns.SKU.header(), STOCK_QUESTION,
                lit(null).cast(DataTypes.StringType), STOCK_QUESTION, StockQuestionColumns.QUESTION_ID.header(),
                StockQuestionColumns.ASKED_AT.header());
        String sku = ReportColumns.SKU.column();
        String finding = ReportColumns.FINDING.column();
        String key = ReportColumns.KEY.column();
        String id = ReportColumns.ID.column();
        Column[] newestFirst = {col(WorkingColumns.ORDER.column()).desc(), length(col(id)).desc(), col(id).desc()};
        return tickets.unionByName(returned).unionByName(asked)
                .withColumn(WorkingColumns.RANK.column(), row_number().over(Window.partitionBy(sku, finding, key)
                        .orderBy(newestFirst)))
                .filter(col(WorkingColumns.RANK.column()).leq(MAX_PER_FINDING))
                .orderBy(col(sku), col(finding), col(key), col(WorkingColumns.ORDER.column()).desc(),
                        length(col(id)).desc(), col(id).desc())
                .select(col(sku), col(finding), col(key), col(ReportColumns.SOURCE.column()), col(id),
                        to_date(col(WorkingColumns.ORDER.column())).as(ReportColumns.DATE.column()));
    }

    private static Dataset<Row> rows(Dataset<Row> rows, String sku, String finding, Column key, String source,
                                     String id, String at) {
        return rows.select(col(sku).as(ReportColumns.SKU.column()), lit(finding).as(ReportColumns.FINDING.column()),
                key.as(ReportColumns.KEY.column()), lit(source).as(ReportColumns.SOURCE.column()),
                col(id).as(ReportColumns.ID.column()), col(at).as(WorkingColumns.ORDER.column()));
    }
}
