package nl.defenceline.insights;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.defenceline.schema.Channel;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Tickets per weekday and hour of day, in total and per channel, on the full 7 x 24 grid (empty hours are zero).
 * Hours are local time of the Spark session's time zone, which the job sets to the shop's zone, so Spark's own
 * calendar rules handle daylight-saving changes.
 */
public final class BusiestHours {

    private BusiestHours() {
    }

    /** Columns: weekday_number (1 = Monday), weekday, hour, tickets, then one count column per channel. */
    public static Dataset<Row> compute(Dataset<Row> tickets) {
        String weekdayNumber = ReportColumns.WEEKDAY_NUMBER.column();
        String hourColumn = ReportColumns.HOUR.column();
        Column createdAt = col(TicketColumns.CREATED_AT.header());
        List<Object> channels = new ArrayList<>(Channel.labels());
        Dataset<Row> counts = tickets
                .withColumn(weekdayNumber, pmod(dayofweek(createdAt).plus(5), lit(7)).plus(1))
                .withColumn(hourColumn, hour(createdAt))
                .groupBy(weekdayNumber, hourColumn)
                .pivot(TicketColumns.CHANNEL.header(), channels)
                .count();
        Dataset<Row> grid = tickets.sparkSession().range(0, 7 * 24).select(
                col(WorkingColumns.ID.column()).divide(24).cast("int").plus(1).as(weekdayNumber),
                col(WorkingColumns.ID.column()).mod(24).cast("int").as(hourColumn));
        List<Column> select = new ArrayList<>();
        select.add(col(weekdayNumber));
        select.add(element_at(array(weekdayNames()), col(weekdayNumber)).as(ReportColumns.WEEKDAY.column()));
        select.add(col(hourColumn));
        Column total = lit(0L);
        for (Object channel : channels) {
            total = total.plus(coalesce(col((String) channel), lit(0L)));
        }
        select.add(total.as(ReportColumns.TICKETS.column()));
        for (Object channel : channels) {
            select.add(coalesce(col((String) channel), lit(0L)).as((String) channel));
        }
        return grid.join(counts, CollectionConverters.asScala(List.of(weekdayNumber, hourColumn)).toSeq(), "left")
                .select(select.toArray(Column[]::new))
                .orderBy(weekdayNumber, hourColumn);
    }

    static Column[] weekdayNames() {
        return Arrays.stream(DayOfWeek.values())
                .map(d -> lit(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toArray(Column[]::new);
    }
}
