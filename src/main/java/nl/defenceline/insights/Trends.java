package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Tickets per category and per product in a window against the previous window of equal length; a spike is a count
 * that at least doubles and reaches a minimum.
 */
public final class Trends {

    public static final String CATEGORY_KIND = "category";
    public static final String PRODUCT_KIND = "product";

    private Trends() {
    }

    /**
     * Columns: kind (category or product), key (category name or sku), current, previous, change, spike. Spikes first,
     * then the largest increases.
     *
     * @param since   start of the window, inclusive
     * @param until   end of the window, exclusive
     * @param minimum a spike needs at least this many tickets in the window
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, Instant since, Instant until, int minimum) {
        Instant previousSince = since.minus(Duration.between(since, until));
        Column createdAt = col(TicketColumns.CREATED_AT.header());
        Column current = createdAt.geq(lit(Timestamp.from(since))).and(createdAt.lt(lit(Timestamp.from(until))));
        Column previous = createdAt.geq(lit(Timestamp.from(previousSince))).and(createdAt.lt(lit(Timestamp.from(since))));
        Dataset<Row> categories = counts(classifiedTickets, CATEGORY_KIND, col(ClassifiedColumns.CATEGORY.column()),
                current, previous);
        Dataset<Row> products = counts(classifiedTickets.filter(col(TicketColumns.SKU.header()).isNotNull()),
                PRODUCT_KIND, col(TicketColumns.SKU.header()), current, previous);
        String now = ReportColumns.CURRENT.column();
        String before = ReportColumns.PREVIOUS.column();
        return categories.unionByName(products)
                .filter(col(now).gt(0).or(col(before).gt(0)))
                .withColumn(ReportColumns.CHANGE.column(), col(now).minus(col(before)))
                .withColumn(ReportColumns.SPIKE.column(),
                        col(now).geq(minimum).and(col(now).geq(col(before).multiply(2))))
                .orderBy(desc(ReportColumns.SPIKE.column()), desc(ReportColumns.CHANGE.column()),
                        col(ReportColumns.KIND.column()), col(ReportColumns.KEY.column()));
    }

    private static Dataset<Row> counts(Dataset<Row> tickets, String kind, Column key, Column current, Column previous) {
        return tickets.groupBy(key.as(ReportColumns.KEY.column()))
                .agg(count(when(current, 1)).as(ReportColumns.CURRENT.column()),
                        count(when(previous, 1)).as(ReportColumns.PREVIOUS.column()))
                .select(lit(kind).as(ReportColumns.KIND.column()), col(ReportColumns.KEY.column()),
                        col(ReportColumns.CURRENT.column()), col(ReportColumns.PREVIOUS.column()));
    }
}
