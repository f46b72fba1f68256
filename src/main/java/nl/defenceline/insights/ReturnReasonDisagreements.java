package nl.defenceline.insights;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;

import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Returns whose drop-down code names one reason while the customer's comment, read with confidence, names another
 * ("coded 'changed mind', comment says too small"): the code still counts, and this says where it may be wrong.
 */
public final class ReturnReasonDisagreements {

    static final int MAX_IDS = 20;

    private ReturnReasonDisagreements() {
    }

    /**
     * Columns: sku, product, reason (the coded one, which the reports count), comment_says (the model's reading of
     * the comments), returns, ids (the return ids, at most {@value #MAX_IDS}, sorted). Most frequent first.
     *
     * @param returns      rows of returns.csv with their {@link ReasonColumns}
     * @param productNames sku, product
     */
    public static Dataset<Row> compute(Dataset<Row> returns, Dataset<Row> productNames) {
        String sku = ReportColumns.SKU.column();
        return returns
                .filter(col(ReasonColumns.COMMENT_DISAGREES.column()))
                .groupBy(col(ReturnColumns.SKU.header()).as(sku),
                        col(ReasonColumns.REASON.column()).as(ReportColumns.REASON.column()),
                        col(ReasonColumns.COMMENT_REASON.column()).as(ReportColumns.COMMENT_SAYS.column()))
                .agg(count("*").as(ReportColumns.RETURNS.column()),
                        array_join(slice(sort_array(collect_list(col(ReturnColumns.RETURN_ID.header()))), 1, MAX_IDS),
                                " ").as(ReportColumns.IDS.column()))
                .join(productNames, sku, "left")
                .select(col(sku), col(ReportColumns.PRODUCT.column()), col(ReportColumns.REASON.column()),
                        col(ReportColumns.COMMENT_SAYS.column()), col(ReportColumns.RETURNS.column()),
                        col(ReportColumns.IDS.column()))
                .orderBy(desc(ReportColumns.RETURNS.column()), col(sku), col(ReportColumns.REASON.column()),
                        col(ReportColumns.COMMENT_SAYS.column()));
    }
}
