package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import nl.defenceline.schema.ReportColumns;
import org.apache.spark.sql.Column;

/**
 * Shared arithmetic of the service-time KPIs: calendar hours between two timestamps, and the aggregate columns every
 * time report has (answered, open, inconsistent, median and 90th percentile).
 */
final class ResponseHours {

    private ResponseHours() {
    }

    /** Hours from {@code from} to {@code to}; null when {@code to} is missing. */
    static Column hoursBetween(String from, String to) {
        return unix_seconds(col(to)).minus(unix_seconds(col(from))).divide(3600.0);
    }

    /**
     * Aggregates over a column of hours: answered (non-negative), open (null), inconsistent (negative: the answer
     * predates the ticket), median and p90 of the consistent ones, rounded to 0.01 h.
     * The percentiles are exact and nearest-rank ({@link Percentiles}).
     *
     * @param hoursColumn a column of hours, as {@link #hoursBetween} gives
     * @param answered    name for the count of consistent timestamps, e.g. "answered" or "resolved"
     * @param open        name for the count of missing timestamps, e.g. "open" or "unresolved"
     */
    static Column[] aggregates(String hoursColumn, String answered, String open) {
        Column hours = col(hoursColumn);
        Column consistent = when(hours.geq(0), hours);
        return new Column[] {
            count(lit(1)).as(ReportColumns.TICKETS.column()),
            count(consistent).as(answered),
            count(when(hours.isNull(), 1)).as(open),
            count(when(hours.lt(0), 1)).as(ReportColumns.INCONSISTENT.column()),
            round(Percentiles.nearestRankOfNonNegative(hoursColumn, 0.5), 2).as(ReportColumns.MEDIAN_HOURS.column()),
            round(Percentiles.nearestRankOfNonNegative(hoursColumn, 0.9), 2).as(ReportColumns.P90_HOURS.column())};
    }
}
