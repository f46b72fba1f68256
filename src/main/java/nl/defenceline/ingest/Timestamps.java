package nl.defenceline.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the date-time spellings helpdesk and shop exports use. A value with an offset is taken as written; one without
 * is local time in the shop's zone (DST gaps move forward, the repeated autumn hour takes the earlier offset).
 */
public final class Timestamps {

    /** Shown in reject reasons, so an analyst knows what would have been accepted. */
    public static final String ACCEPTED =
            "ISO-8601 with or without offset, dd-MM-yyyy HH:mm, yyyy-MM-dd HH:mm:ss Z, epoch seconds";

    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final List<DateTimeFormatter> DAY_FIRST = List.of(
            DateTimeFormatter.ofPattern("d-M-uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT));

    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,11}");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,13}");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Timestamps() {
    }

    /**
     * Parses a value with a mapping's own pattern (java.time syntax); a pattern without offset is shop time.
     *
     * @throws IllegalArgumentException when the value does not fit the pattern
     */
    public static Instant parse(String raw, ZoneId shopZone, String pattern) {
        if (pattern == null) {
            return parse(raw, shopZone);
        }
        String value = raw.trim();
        try {
            TemporalAccessor parsed = DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT)
                    .parseBest(value, java.time.ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof java.time.ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            if (parsed instanceof LocalDateTime local) {
                return local.atZone(shopZone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(shopZone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' does not fit the mapping's format " + pattern);
        }
    }

    /**
     * Parses one export value.
     *
     * @throws IllegalArgumentException when the value is in none of the accepted spellings
     */
    public static Instant parse(String raw, ZoneId shopZone) {
        String value = raw.trim();
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        if (EPOCH_MILLIS.matcher(value).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            if (DATE_ONLY.matcher(value).matches()) {
                return LocalDate.parse(value).atStartOfDay(shopZone).toInstant();
            }
            TemporalAccessor parsed = ISO_LIKE.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(shopZone).toInstant();
        } catch (DateTimeException isoFailed) {
            for (DateTimeFormatter format : DAY_FIRST) {
                try {
                    return LocalDateTime.parse(value, format).atZone(shopZone).toInstant();
                } catch (DateTimeException ignored) {
                    // try the next spelling
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a date-time (accepted: " + ACCEPTED + ")");
    }
}
