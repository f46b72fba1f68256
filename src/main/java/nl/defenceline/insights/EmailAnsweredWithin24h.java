package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import nl.defenceline.schema.Channel;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Share of e-mail tickets answered within 24 hours, per week (Monday, shop time), the common service-scorecard target. */
public final class EmailAnsweredWithin24h {

    private EmailAnsweredWithin24h() {
    }

    /**
     * Columns: week (its Monday), email_tickets, answered_within_24h, share, open, inconsistent. Open and inconsistent
     * tickets stay in the denominator: a ticket not answered is not answered within 24 hours.
     */
    public static Dataset<Row> compute(Dataset<Row> tickets) {
        Column hours = ResponseHours.hoursBetween(TicketColumns.CREATED_AT.header(), TicketColumns.FIRST_RESPONSE_AT.header());
        String week = ReportColumns.WEEK.column();
        String emails = ReportColumns.EMAIL_TICKETS.column();
        String within = ReportColumns.ANSWERED_WITHIN_24H.column();
        return tickets.filter(col(TicketColumns.CHANNEL.header()).equalTo(Channel.EMAIL.label()))
                .groupBy(to_date(date_trunc("week", col(TicketColumns.CREATED_AT.header()))).as(week))
                .agg(count("*").as(emails),
                        count(when(hours.geq(0).and(hours.leq(24)), 1)).as(within),
                        count(when(hours.isNull(), 1)).as(ReportColumns.OPEN.column()),
                        count(when(hours.lt(0), 1)).as(ReportColumns.INCONSISTENT.column()))
                .withColumn(ReportColumns.SHARE.column(), round(col(within).divide(col(emails)), 4))
                .select(col(week), col(emails), col(within), col(ReportColumns.SHARE.column()),
                        col(ReportColumns.OPEN.column()), col(ReportColumns.INCONSISTENT.column()))
                .orderBy(week);
    }
}
