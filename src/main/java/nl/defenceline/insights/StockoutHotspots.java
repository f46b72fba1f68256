package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.to_date;

import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.StockQuestionColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Products customers ask about when they are out of stock: missed sales, and a page that should show availability. */
public final class StockoutHotspots {

    private StockoutHotspots() {
    }

    /**
     * Columns: sku, product, questions, distinct_customers, first_asked, last_asked; most questions first.
     *
     * @param stockQuestions rows of stock_questions.csv
     * @param productNames   sku, product
     */
    public static Dataset<Row> compute(Dataset<Row> stockQuestions, Dataset<Row> productNames) {
        String sku = ReportColumns.SKU.column();
        String askedAt = StockQuestionColumns.ASKED_AT.header();
        return stockQuestions
                .groupBy(col(StockQuestionColumns.SKU.header()).as(sku))
                .agg(count("*").as(ReportColumns.QUESTIONS.column()),
                        countDistinct(col(StockQuestionColumns.CUSTOMER_ID.header())).as(ReportColumns.DISTINCT_CUSTOMERS.column()),
                        min(to_date(col(askedAt))).as(ReportColumns.FIRST_ASKED.column()),
                        max(to_date(col(askedAt))).as(ReportColumns.LAST_ASKED.column()))
                .join(productNames, sku, "left")
                .select(col(sku), col(ReportColumns.PRODUCT.column()), col(ReportColumns.QUESTIONS.column()),
                        col(ReportColumns.DISTINCT_CUSTOMERS.column()), col(ReportColumns.FIRST_ASKED.column()),
                        col(ReportColumns.LAST_ASKED.column()))
                .orderBy(desc(ReportColumns.QUESTIONS.column()), desc(ReportColumns.DISTINCT_CUSTOMERS.column()), col(sku));
    }
}
