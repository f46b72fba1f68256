package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Customers who come back with the same category within a number of days: the categories where customers have to try
 * more than once. A ticket without a customer id cannot be matched and never counts as a repeat.
 */
public final class RepeatContacts {

    private RepeatContacts() {
    }

    /** Columns: category, tickets, repeats, repeat_share; highest share first. */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, int withinDays) {
        String category = ReportColumns.CATEGORY.column();
        Column createdAt = col(TicketColumns.CREATED_AT.header());
        Column previous = lag(createdAt, 1).over(Window
                .partitionBy(col(TicketColumns.CUSTOMER_ID.header()), col(ClassifiedColumns.CATEGORY.column()))
                .orderBy(createdAt, col(TicketColumns.TICKET_ID.header())));
        Column repeat = col(TicketColumns.CUSTOMER_ID.header()).isNotNull()
                .and(unix_seconds(createdAt).minus(unix_seconds(previous)).leq(withinDays * 86_400L));
        String repeats = ReportColumns.REPEATS.column();
        String tickets = ReportColumns.TICKETS.column();
        return classifiedTickets
                .withColumn(WorkingColumns.REPEAT.column(), repeat)
                .groupBy(col(ClassifiedColumns.CATEGORY.column()).as(category))
                .agg(count("*").as(tickets), count(when(col(WorkingColumns.REPEAT.column()), 1)).as(repeats))
                .withColumn(ReportColumns.REPEAT_SHARE.column(), round(col(repeats).divide(col(tickets)), 4))
                .orderBy(desc(ReportColumns.REPEAT_SHARE.column()), col(category));
    }
}
