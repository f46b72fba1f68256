package nl.defenceline.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        Instant common = parseCommonIso(value, shopZone);
        return common != null ? common : parseAnySpelling(value, shopZone);
    }

    /**
     * The spellings almost every export uses, {@code yyyy-MM-dd HH:mm[:ss[.fraction]]} with {@code T} or a space and
     * an optional {@code Z}, {@code +HH:MM} or {@code +HHMM}, read without a DateTimeFormatter: the formatter made up
     * a third of the parsing time of a large export (it throws an exception for every value without an offset).
     * Returns null for anything else, including impossible dates, which {@link #parseAnySpelling} then reads or
     * rejects with its message; for what it accepts it gives the same instant as that method.
     */
    static Instant parseCommonIso(String value, ZoneId shopZone) {
        int n = value.length();
        if (n < 16 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(13) != ':'
                || (value.charAt(10) != 'T' && value.charAt(10) != ' ')) {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = 0;
        int nano = 0;
        int at = 16;
        if (at < n && value.charAt(at) == ':') {
            second = digits(value, at + 1, 2);
            at += 3;
            if (at < n && value.charAt(at) == '.') {
                int start = ++at;
                while (at < n && at - start < 9 && isDigit(value.charAt(at))) {
                    nano = nano * 10 + (value.charAt(at++) - '0');
                }
                if (at == start) {
                    return null;
                }
                for (int i = at - start; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        ZoneOffset offset = null;
        if (at < n && value.charAt(at) == ' ' && at + 1 < n) {
            at++;
        }
        if (at < n) {
            char sign = value.charAt(at);
            if ((sign == 'Z' || sign == 'z') && at + 1 == n) {
                offset = ZoneOffset.UTC;
            } else if (sign == '+' || sign == '-') {
                boolean colon = n - at == 6 && value.charAt(at + 3) == ':';
                if (!colon && n - at != 5) {
                    return null;
                }
                int hours = digits(value, at + 1, 2);
                int minutes = digits(value, at + (colon ? 4 : 3), 2);
                if (hours < 0 || minutes < 0) {
                    return null;
                }
                try {
                    offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                            : ZoneOffset.ofHoursMinutes(-hours, -minutes);
                } catch (DateTimeException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return offset != null ? local.toInstant(offset) : local.atZone(shopZone).toInstant();
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 when they are not all digits. */
    private static int digits(String value, int from, int count) {
        if (from + count > value.length()) {
            return -1;
        }
        int result = 0;
        for (int i = from; i < from + count; i++) {
            char c = value.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Every accepted spelling, with java.time's formatters. */
    static Instant parseAnySpelling(String value, ZoneId shopZone) {
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
