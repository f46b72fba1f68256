package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Tickets per 100 orders per week (Monday, shop time): how much service each order costs. Needs orders.csv. */
public final class ContactRate {

    private ContactRate() {
    }

    /** Columns: week, tickets, orders, tickets_per_100_orders (null in a week without orders). */
    public static Dataset<Row> compute(Dataset<Row> tickets, Dataset<Row> orders) {
        String week = ReportColumns.WEEK.column();
        String ticketCount = ReportColumns.TICKETS.column();
        String orderCount = ReportColumns.ORDERS.column();
        Dataset<Row> ticketsPerWeek = tickets
                .groupBy(to_date(date_trunc("week", col(TicketColumns.CREATED_AT.header()))).as(week))
                .agg(count("*").as(ticketCount));
        Dataset<Row> ordersPerWeek = orders
                .groupBy(to_date(date_trunc("week", col(OrderColumns.ORDERED_AT.header()))).as(week))
                .agg(countDistinct(col(OrderColumns.ORDER_ID.header())).as(orderCount));
        return ticketsPerWeek.join(ordersPerWeek, week, "full_outer")
                .select(col(week), coalesce(col(ticketCount), lit(0L)).as(ticketCount),
                        coalesce(col(orderCount), lit(0L)).as(orderCount))
                .withColumn(ReportColumns.TICKETS_PER_100_ORDERS.column(),
                        when(col(orderCount).gt(0), round(col(ticketCount).multiply(100.0).divide(col(orderCount)), 2)))
                .orderBy(week);
    }
}
