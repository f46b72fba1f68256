package nl.defenceline.insights;

import static nl.defenceline.schema.TicketColumns.CHANNEL;
import static nl.defenceline.schema.TicketColumns.CREATED_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class BusiestHoursTest {

    private static Row cell(List<Row> grid, int weekday, int hour) {
        return grid.get((weekday - 1) * 24 + hour);
    }

    @Test
    void countsPerWeekdayAndLocalHourOnTheFullGrid(SparkSession spark) {
        List<Row> grid = BusiestHours.compute(Rows.of(Source.TICKETS)
                .add(CREATED_AT, Rows.at("2026-11-02T09:15:00"), CHANNEL, "email")
                .add(CREATED_AT, Rows.at("2026-11-02T09:59:59"), CHANNEL, "chat")
                .add(CREATED_AT, Rows.at("2026-11-08T23:00:00"), CHANNEL, "phone")
                .toDataset(spark)).collectAsList();

        assertEquals(7 * 24, grid.size());
        Row mondayNine = cell(grid, 1, 9);
        assertEquals("Monday", mondayNine.getString(1));
        assertEquals(2L, mondayNine.getLong(3));
        assertEquals(1L, mondayNine.getLong(4), "email");
        assertEquals(1L, mondayNine.getLong(5), "chat");
        assertEquals(1L, cell(grid, 7, 23).getLong(3), "Sunday 23:00");
        assertEquals(0L, cell(grid, 3, 12).getLong(3));
    }

    @Test
    void keepsLocalHoursRightAcrossTheAutumnClockChange(SparkSession spark) {
        // 2026-10-25 03:00 CEST becomes 02:00 CET: 00:30Z and 01:30Z are both 02:30 local on a Sunday.
        List<Row> grid = BusiestHours.compute(Rows.of(Source.TICKETS)
                .add(CREATED_AT, Timestamp.from(Instant.parse("2026-10-25T00:30:00Z")), CHANNEL, "chat")
                .add(CREATED_AT, Timestamp.from(Instant.parse("2026-10-25T01:30:00Z")), CHANNEL, "chat")
                .add(CREATED_AT, Timestamp.from(Instant.parse("2026-10-25T08:00:00Z")), CHANNEL, "chat")
                .toDataset(spark)).collectAsList();

        assertEquals(2L, cell(grid, 7, 2).getLong(3));
        assertEquals(1L, cell(grid, 7, 9).getLong(3), "08:00Z is 09:00 CET after the change");
    }
}
