package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * When each kind of question comes in: per category, the two consecutive hours of the week with the most tickets
 * ("DELIVERY peaks on Monday 09:00-11:00"), so the answer can be on the page, and the staff at the desk, before then.
 * Categories are the model's best guesses, as in the complaint sources; local time as in {@link BusiestHours}.
 */
public final class PeakHoursPerCategory {

    /** Hours in a peak window. */
    static final int WINDOW_HOURS = 2;

    private PeakHoursPerCategory() {
    }

    /**
     * Columns: category, tickets, weekday, from ("09:00"), until ("11:00"), peak_tickets, peak_share (of the
     * category's tickets). Largest category first; a tie between windows goes to the earlier one in the week.
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets) {
        String category = ReportColumns.CATEGORY.column();
        String day = ReportColumns.WEEKDAY_NUMBER.column();
        String hourOfDay = ReportColumns.HOUR.column();
        String tickets = ReportColumns.TICKETS.column();
        String peak = ReportColumns.PEAK_TICKETS.column();
        Column createdAt = col(TicketColumns.CREATED_AT.header());
        Dataset<Row> perHour = classifiedTickets
                .filter(col(ClassifiedColumns.PREDICTED.column()).isNotNull())
                .groupBy(col(ClassifiedColumns.PREDICTED.column()).as(category),
                        pmod(dayofweek(createdAt).plus(5), lit(7)).plus(1).as(day), hour(createdAt).as(hourOfDay))
                .agg(count("*").as(tickets));
        // A window starting at each hour that has tickets: its tickets and those of the next hour of that day.
        Dataset<Row> windows = perHour.withColumn(peak, sum(col(tickets)).over(Window.partitionBy(category, day)
                .orderBy(hourOfDay).rangeBetween(0, WINDOW_HOURS - 1)));
        Column total = sum(col(tickets)).over(Window.partitionBy(category));
        return windows
                .withColumn(WorkingColumns.TOTAL.column(), total)
                .withColumn(WorkingColumns.RANK.column(), row_number().over(Window.partitionBy(category)
                        .orderBy(desc(peak), col(day), col(hourOfDay))))
                .filter(col(WorkingColumns.RANK.column()).equalTo(1))
                .select(col(category), col(WorkingColumns.TOTAL.column()).as(tickets),
                        element_at(array(BusiestHours.weekdayNames()), col(day)).as(ReportColumns.WEEKDAY.column()),
                        format_string("%02d:00", col(hourOfDay)).as(ReportColumns.FROM.column()),
                        format_string("%02d:00", col(hourOfDay).plus(WINDOW_HOURS)).as(ReportColumns.UNTIL.column()),
                        col(peak), round(col(peak).divide(col(WorkingColumns.TOTAL.column())), 4)
                                .as(ReportColumns.PEAK_SHARE.column()))
                .orderBy(desc(tickets), col(category));
    }
}
