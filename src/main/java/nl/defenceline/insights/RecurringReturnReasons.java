package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;

import nl.defenceline.classify.ReturnReason;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Return reasons per product; a reason that recurs for one sku points at a fix on that product's page (repeated
 * "colour differs from the photo" means: fix the photo).
 */
public final class RecurringReturnReasons {

    private static final UserDefinedFunction FIX = udf((String label) -> ReturnReason.fixOf(label), DataTypes.StringType);

    private RecurringReturnReasons() {
    }

    /**
     * Columns: sku, product, reason, fix, returns, units, share_of_sku_returns, return_rate (null without orders),
     * first_returned, last_returned, recurring. Recurring rows (at least {@code minRecurrence} returns with that reason) first.
     *
     * @param returns      rows of returns.csv with their {@link ReasonColumns} (the reason each counts under)
     * @param productNames sku, product
     * @param orders       rows of orders.csv, possibly none: gives return_rate = returned units / ordered units
     */
    public static Dataset<Row> compute(Dataset<Row> returns, Dataset<Row> productNames, Dataset<Row> orders,
                                       int minRecurrence) {
        String sku = ReportColumns.SKU.column();
        String reason = ReportColumns.REASON.column();
        String returnCount = ReportColumns.RETURNS.column();
        String returnedAt = ReturnColumns.RETURNED_AT.header();
        return returns
                .groupBy(col(ReturnColumns.SKU.header()).as(sku), col(ReasonColumns.REASON.column()).as(reason))
                .agg(count("*").as(returnCount),
                        sum(ReturnColumns.QUANTITY.header()).as(ReportColumns.UNITS.column()),
                        min(to_date(col(returnedAt))).as(ReportColumns.FIRST_RETURNED.column()),
                        max(to_date(col(returnedAt))).as(ReportColumns.LAST_RETURNED.column()))
                .withColumn(ReportColumns.SHARE_OF_SKU_RETURNS.column(),
                        col(returnCount).divide(sum(returnCount).over(Window.partitionBy(sku))))
                .withColumn(ReportColumns.RECURRING.column(), col(returnCount).geq(minRecurrence))
                .join(productNames, sku, "left")
                .join(orders.groupBy(col(OrderColumns.SKU.header()).as(sku))
                        .agg(sum(OrderColumns.QUANTITY.header()).as(WorkingColumns.ORDERED.column())), sku, "left")
                .withColumn(ReportColumns.RETURN_RATE.column(), col(ReportColumns.UNITS.column()).divide(col(WorkingColumns.ORDERED.column())))
                .select(col(sku), col(ReportColumns.PRODUCT.column()), col(reason),
                        FIX.apply(col(reason)).as(ReportColumns.FIX.column()), col(returnCount),
                        col(ReportColumns.UNITS.column()), col(ReportColumns.SHARE_OF_SKU_RETURNS.column()),
                        col(ReportColumns.RETURN_RATE.column()),
                        col(ReportColumns.FIRST_RETURNED.column()), col(ReportColumns.LAST_RETURNED.column()),
                        col(ReportColumns.RECURRING.column()))
                .orderBy(desc(ReportColumns.RECURRING.column()), desc(returnCount), col(sku), col(reason));
    }
}
