package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * What a product-page owner should fix first: one row per product that customers wrote about, returned or asked
 * after, ranked by its tickets, stock questions and returns per 100 of its orders when the export has orders, else by
 * their count; with the missed demand of its stock-out questions and its ticket trend against the previous window.
 */
public final class ProductPriorities {

    private static final UserDefinedFunction PER_100_ORDERS = udf(
            (Long contacts, Long orders) -> per100Orders(contacts, orders), DataTypes.DoubleType);
    private static final UserDefinedFunction UNITS_PER_ORDER = udf(
            (Long units, Long orders) -> unitsPerOrder(units, orders), DataTypes.DoubleType);
    private static final UserDefinedFunction MISSED_DEMAND = udf(
            (Long askers, Long units, Long orders) -> missedDemand(askers, units, orders), DataTypes.DoubleType);

    private ProductPriorities() {
    }

    /**
     * Columns: rank, sku, product, page_url, tickets, stock_questions, returns, orders (distinct orders with the
     * product, null without orders), per_100_orders, distinct_customers (asking after it), units_per_order,
     * missed_demand (null without orders), current, previous, change, spike (its tickets in the trend window and the
     * one before, as in {@link Trends}). Ordered by rank: per_100_orders from high to low (products without orders
     * after those with), then tickets + stock questions + returns, then sku.
     *
     * @param orders   rows of orders.csv, possibly none
     * @param products rows of products.csv, possibly none: gives page_url
     * @param trends   the rows of {@link Trends#compute}; its product rows give the trend
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, Dataset<Row> returns,
                                       Dataset<Row> stockQuestions, Dataset<Row> orders, Dataset<Row> products,
                                       Dataset<Row> productNames, Dataset<Row> trends) {
        String sku = ReportColumns.SKU.column();
        String tickets = ReportColumns.TICKETS.column();
        String questions = ReportColumns.STOCK_QUESTIONS.column();
        String returned = ReportColumns.RETURNS.column();
        String orderCount = ReportColumns.ORDERS.column();
        String units = WorkingColumns.ORDERED.column();
        String askers = ReportColumns.DISTINCT_CUSTOMERS.column();
        String total = WorkingColumns.TOTAL.column();
        Dataset<Row> ticketCounts = classifiedTickets.filter(col(TicketColumns.SKU.header()).isNotNull())
                .groupBy(col(TicketColumns.SKU.header()).as(sku)).agg(count("*").as(tickets));
        Dataset<Row> returnCounts = returns.groupBy(col(ReturnColumns.SKU.header()).as(sku))
                .agg(count("*").as(returned));
        Dataset<Row> questionCounts = stockQuestions.groupBy(col(StockQuestionColumns.SKU.header()).as(sku))
                .agg(count("*").as(questions),
                        countDistinct(col(StockQuestionColumns.CUSTOMER_ID.header())).as(askers));
        Dataset<Row> orderCounts = orders.groupBy(col(OrderColumns.SKU.header()).as(sku))
                .agg(countDistinct(col(OrderColumns.ORDER_ID.header())).as(orderCount),
                        sum(OrderColumns.QUANTITY.header()).cast(DataTypes.LongType).as(units));
        Dataset<Row> pages = products.filter(col(ProductColumns.PAGE_URL.header()).isNotNull())
                .groupBy(col(ProductColumns.SKU.header()).as(sku))
                .agg(max(ProductColumns.PAGE_URL.header()).as(ReportColumns.PAGE_URL.column()));
        Dataset<Row> trend = trends.filter(col(ReportColumns.KIND.column()).equalTo(Trends.PRODUCT_KIND))
                .select(col(ReportColumns.KEY.column()).as(sku), col(ReportColumns.CURRENT.column()),
                        col(ReportColumns.PREVIOUS.column()), col(ReportColumns.CHANGE.column()),
                        col(ReportColumns.SPIKE.column()));
        Column contacts = col(tickets).plus(col(questions)).plus(col(returned));
        return ticketCounts.select(sku).union(returnCounts.select(sku)).union(questionCounts.select(sku)).distinct()
                .join(ticketCounts, sku, "left").join(returnCounts, sku, "left").join(questionCounts, sku, "left")
                .join(orderCounts, sku, "left").join(pages, sku, "left").join(trend, sku, "left")
                .join(productNames, sku, "left")
                .na().fill(0L, new String[] {tickets, returned, questions, askers, ReportColumns.CURRENT.column(),
                    ReportColumns.PREVIOUS.column(), ReportColumns.CHANGE.column()})
                .withColumn(total, contacts)
                .withColumn(ReportColumns.PER_100_ORDERS.column(), PER_100_ORDERS.apply(col(total), col(orderCount)))
                .withColumn(ReportColumns.RANK.column(), row_number().over(Window.orderBy(
                        col(ReportColumns.PER_100_ORDERS.column()).desc_nulls_last(), col(total).desc(),
                        col(sku).asc())))
                .select(col(ReportColumns.RANK.column()), col(sku), col(ReportColumns.PRODUCT.column()),
                        col(ReportColumns.PAGE_URL.column()), col(tickets), col(questions), col(returned),
                        col(orderCount), col(ReportColumns.PER_100_ORDERS.column()), col(askers),
                        UNITS_PER_ORDER.apply(col(units), col(orderCount)).as(ReportColumns.UNITS_PER_ORDER.column()),
                        MISSED_DEMAND.apply(col(askers), col(units), col(orderCount))
                                .as(ReportColumns.MISSED_DEMAND.column()),
                        col(ReportColumns.CURRENT.column()), col(ReportColumns.PREVIOUS.column()),
                        col(ReportColumns.CHANGE.column()),
                        coalesce(col(ReportColumns.SPIKE.column()), lit(false)).as(ReportColumns.SPIKE.column()))
                .orderBy(col(ReportColumns.RANK.column()));
    }

    /**
     * Tickets, stock questions and returns per 100 orders of the product; null when the export has none of its
     * orders (the rate is then unknown, not infinite).
     */
    static Double per100Orders(Long contacts, Long orders) {
        return orders == null || orders == 0 || contacts == null ? null : 100.0 * contacts / orders;
    }

    /** Units per order of the product; null without its orders. */
    static Double unitsPerOrder(Long units, Long orders) {
        return orders == null || orders == 0 || units == null ? null : (double) units / orders;
    }

    /**
     * The units customers asking after the product would have bought: distinct customers asking x the product's
     * average units per order; null without its orders (then there is nothing to estimate the units from).
     */
    static Double missedDemand(Long askers, Long units, Long orders) {
        Double perOrder = unitsPerOrder(units, orders);
        return perOrder == null ? null : (askers == null ? 0 : askers) * perOrder;
    }
}
