package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import java.util.Arrays;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Resolution time in calendar hours per complaint category: which causes take longest to settle. */
public final class ResolutionTimes {

    private ResolutionTimes() {
    }

    /** Columns: category, tickets, resolved, unresolved, inconsistent, median_hours, p90_hours; most tickets first. */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets) {
        Column[] aggregates = ResponseHours.aggregates(WorkingColumns.HOURS.column(),
                ReportColumns.RESOLVED.column(), ReportColumns.UNRESOLVED.column());
        return classifiedTickets
                .withColumn(WorkingColumns.HOURS.column(),
                        ResponseHours.hoursBetween(TicketColumns.CREATED_AT.header(), TicketColumns.RESOLVED_AT.header()))
                .groupBy(col(ClassifiedColumns.CATEGORY.column()).as(ReportColumns.CATEGORY.column()))
                .agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length))
                .orderBy(desc(ReportColumns.TICKETS.column()), col(ReportColumns.CATEGORY.column()));
    }
}
