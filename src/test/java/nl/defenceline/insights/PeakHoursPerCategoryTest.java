package nl.defenceline.insights;

import static nl.defenceline.schema.ClassifiedColumns.PREDICTED;
import static nl.defenceline.schema.TicketColumns.CREATED_AT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class PeakHoursPerCategoryTest {

    @Test
    void findsEachCategorysBusiestTwoHoursOfTheWeek(SparkSession spark) {
        List<Row> peaks = PeakHoursPerCategory.compute(Rows.classified(Source.TICKETS)
                // DELIVERY: Monday 09:00-11:00 holds 3 (one at 9, two at 10); Tuesday 14:00 holds 2 on its own.
                .add(CREATED_AT, Rows.at("2026-11-02T09:10:00"), PREDICTED, "DELIVERY")
                .add(CREATED_AT, Rows.at("2026-11-02T10:05:00"), PREDICTED, "DELIVERY")
                .add(CREATED_AT, Rows.at("2026-11-02T10:55:00"), PREDICTED, "DELIVERY")
                .add(CREATED_AT, Rows.at("2026-11-03T14:00:00"), PREDICTED, "DELIVERY")
                .add(CREATED_AT, Rows.at("2026-11-03T14:30:00"), PREDICTED, "DELIVERY")
                // RETURNS: a tie between two single hours goes to the earlier one in the week.
                .add(CREATED_AT, Rows.at("2026-11-06T20:00:00"), PREDICTED, "RETURNS")
                .add(CREATED_AT, Rows.at("2026-11-04T08:00:00"), PREDICTED, "RETURNS")
                // No text, no category: not counted.
                .add(CREATED_AT, Rows.at("2026-11-02T09:00:00"))
                .toDataset(spark)).collectAsList();

        assertEquals(List.of(
                RowFactory.create("DELIVERY", 5L, "Monday", "09:00", "11:00", 3L, 0.6),
                RowFactory.create("RETURNS", 2L, "Wednesday", "08:00", "10:00", 1L, 0.5)), peaks);
    }
}
