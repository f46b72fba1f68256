package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * First response time in calendar hours, per channel (with an "all" row) and per local hour of day the ticket came
 * in. Tickets still waiting count as open; an answer before the ticket counts as inconsistent; neither is dropped.
 */
public final class FirstResponseTimes {

    /** Channel value of the row over all channels. */
    public static final String ALL = "all";

    private FirstResponseTimes() {
    }

    /**
     * Columns: channel, hour (null on per-channel rows), tickets, answered, open, inconsistent, median_hours, p90_hours.
     * Per-channel rows first (all, then channels), then the all-channel rows per hour of day.
     */
    public static Dataset<Row> compute(Dataset<Row> tickets) {
        String channel = ReportColumns.CHANNEL.column();
        String hourColumn = ReportColumns.HOUR.column();
        Dataset<Row> timed = tickets.withColumn(WorkingColumns.HOURS.column(),
                ResponseHours.hoursBetween(TicketColumns.CREATED_AT.header(), TicketColumns.FIRST_RESPONSE_AT.header()));
        Column[] aggregates = ResponseHours.aggregates(WorkingColumns.HOURS.column(),
                ReportColumns.ANSWERED.column(), ReportColumns.OPEN.column());
        Dataset<Row> perChannel = timed.groupBy(col(TicketColumns.CHANNEL.header()).as(channel))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .withColumn(hourColumn, lit(null).cast("int"))
                .withColumn(WorkingColumns.ORDER.column(), lit(1));
        Dataset<Row> overall = timed.agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .withColumn(channel, lit(ALL)).withColumn(hourColumn, lit(null).cast("int")).withColumn(WorkingColumns.ORDER.column(), lit(0));
        Dataset<Row> perHour = timed.groupBy(hour(col(TicketColumns.CREATED_AT.header())).as(hourColumn))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .withColumn(channel, lit(ALL)).withColumn(WorkingColumns.ORDER.column(), lit(2));
        return overall.unionByName(perChannel).unionByName(perHour)
                .orderBy(col(WorkingColumns.ORDER.column()), col(channel), col(hourColumn))
                .select(col(channel), col(hourColumn), col(ReportColumns.TICKETS.column()),
                        col(ReportColumns.ANSWERED.column()), col(ReportColumns.OPEN.column()),
                        col(ReportColumns.INCONSISTENT.column()), col(ReportColumns.MEDIAN_HOURS.column()),
                        col(ReportColumns.P90_HOURS.column()));
    }
}
