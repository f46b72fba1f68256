package nl.defenceline.job;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The window the trends compare against the one before it.
 *
 * @param until exclusive
 */
record TrendWindow(Instant since, Instant until) {

    /**
     * The window of the settings: --since/--until, by default the 7 days up to the day of the newest ticket, so an
     * old export works too.
     */
    static TrendWindow of(Instant since, Instant until, Instant newestTicket, ZoneId zone) {
        Instant end = until != null ? until
                : newestTicket.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = since != null ? since : end.atZone(zone).minusDays(RunConfig.DEFAULT_TREND_DAYS).toInstant();
        return new TrendWindow(start, end);
    }

    /** The first day, in the zone: "2026-11-16". */
    String firstDay(ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(since);
    }

    /** The last day (inclusive), in the zone. */
    String lastDay(ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone).format(until.minusSeconds(1));
    }
}
