package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-02T14:03:00+01:00 | 2026-11-02T13:03:00Z",
        "2026-11-02T13:03:00Z      | 2026-11-02T13:03:00Z",
        "2026-11-02 14:03:00 +0100 | 2026-11-02T13:03:00Z",
        "2026-11-02 14:03:00       | 2026-11-02T13:03:00Z",
        "2026-11-02T14:03          | 2026-11-02T13:03:00Z",
        "02-11-2026 14:03          | 2026-11-02T13:03:00Z",
        "2-11-2026 14:03:30        | 2026-11-02T13:03:30Z",
        "1793624580                | 2026-11-02T13:03:00Z",
        "2026-07-01 10:00:00       | 2026-07-01T08:00:00Z",
        "2026-11-02T14:03:00-05:00 | 2026-11-02T19:03:00Z",
        "02/11/2026 14:03          | 2026-11-02T13:03:00Z",
        "02.11.2026 14:03          | 2026-11-02T13:03:00Z",
        "1793624580000             | 2026-11-02T13:03:00Z",
        "1793624580123             | 2026-11-02T13:03:00.123Z",
        "2026-11-02                | 2026-11-01T23:00:00Z",
        "' 2026-11-02 14:03:00 '   | 2026-11-02T13:03:00Z",
    })
    void readsTheSpellingsExportsUse(String raw, String expected) {
        assertEquals(Instant.parse(expected), Timestamps.parse(raw, AMSTERDAM));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Europe/Amsterdam", "America/New_York", "Asia/Kolkata"})
    void takesAnOffsetAsWrittenWhateverTheShopZone(String shopZone) {
        ZoneId zone = ZoneId.of(shopZone);
        assertEquals(Instant.parse("2026-11-02T13:03:00Z"), Timestamps.parse("2026-11-02T14:03:00+01:00", zone));
        assertEquals(Instant.parse("2026-11-02T13:03:00Z"), Timestamps.parse("2026-11-02 14:03:00 +0100", zone));
    }

    @Test
    void readsAValueWithoutOffsetAsTheShopsLocalTime() {
        assertEquals(Instant.parse("2026-11-02T19:03:00Z"),
                Timestamps.parse("2026-11-02 14:03:00", ZoneId.of("America/New_York")));
        assertEquals(Instant.parse("2026-11-02T08:33:00Z"),
                Timestamps.parse("2026-11-02 14:03:00", ZoneId.of("Asia/Kolkata")));
    }

    @Test
    void takesTheEarlierOffsetForTheAutumnHourThatHappensTwice() {
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), Timestamps.parse("2026-10-25 02:30:00", AMSTERDAM));
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), Timestamps.parse("25-10-2026 02:30", AMSTERDAM));
        assertEquals(Instant.parse("2026-10-25T01:30:00Z"), Timestamps.parse("2026-10-25 02:30:00 +0100", AMSTERDAM),
                "the later 02:30 when the offset says so");
    }

    @Test
    void movesASpringTimeThatDoesNotExistForward() {
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), Timestamps.parse("2026-03-29 02:30:00", AMSTERDAM));
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), Timestamps.parse("29-03-2026 02:30", AMSTERDAM));
    }

    @Test
    void readsAMappingsOwnPatternAsShopTimeUnlessItHasAnOffset() {
        assertEquals(Instant.parse("2026-11-02T13:03:00Z"),
                Timestamps.parse("11/02/2026 02:03 PM", AMSTERDAM, "MM/dd/yyyy hh:mm a"));
        assertEquals(Instant.parse("2026-11-02T19:03:00Z"),
                Timestamps.parse("2026-11-02 14:03:00 -0500", AMSTERDAM, "yyyy-MM-dd HH:mm:ss Z"));
        assertEquals(Instant.parse("2026-11-01T23:00:00Z"), Timestamps.parse("02.11.2026", AMSTERDAM, "dd.MM.yyyy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Timestamps.parse("2026-11-02 14:03", AMSTERDAM, "dd.MM.yyyy"));
        assertEquals("'2026-11-02 14:03' does not fit the mapping's format dd.MM.yyyy", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"gisteren", "31-02-2026 10:00", "2026-13-01 10:00:00", "12:00", "2026-11-02 25:00:00"})
    void rejectsWhatIsNotADateTime(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(raw, AMSTERDAM));
        assertEquals(true, e.getMessage().contains("is not a date-time"));
    }

    /**
     * The hand-written reader of the common spellings (parseCommonIso) and java.time's formatters (parseAnySpelling)
     * both give the instant written out here, or both reject the value; the hand-written one may also leave a value it
     * does not know to the formatters (null). An empty expected instant means rejected.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-14 18:12:48                 | 2026-11-14T17:12:48Z",
        "2026-11-14T18:12:48                 | 2026-11-14T17:12:48Z",
        "2026-11-14T18:12                    | 2026-11-14T17:12:00Z",
        "2026-11-14 18:12:48Z                | 2026-11-14T18:12:48Z",
        "2026-11-14T18:12:48z                | 2026-11-14T18:12:48Z",
        "2026-11-14T18:12:48 Z               | 2026-11-14T18:12:48Z",
        "2026-11-14T18:12:48+01:00           | 2026-11-14T17:12:48Z",
        "2026-11-14 18:12:48 +0100           | 2026-11-14T17:12:48Z",
        "2026-11-14T18:12:48-05:30           | 2026-11-14T23:42:48Z",
        "2026-11-14T18:12:48.5               | 2026-11-14T17:12:48.500Z",
        "2026-11-14T18:12:48.123456789+02:00 | 2026-11-14T16:12:48.123456789Z",
        "2026-10-25 02:30:00                 | 2026-10-25T00:30:00Z",
        "2026-03-29 02:30                    | 2026-03-29T01:30:00Z",
        "2024-02-29 10:00                    | 2024-02-29T09:00:00Z",
        "0000-01-01 00:00Z                   | 0000-01-01T00:00:00Z",
        "2026-11-14t18:12:48                 | 2026-11-14T17:12:48Z",
        "2026-11-14T 18:12                   | 2026-11-14T17:12:00Z",
        "2026-11-14T18:12:48.                | 2026-11-14T17:12:48Z",
        "2026-02-29 10:00                    | ",
        "2026-11-14 24:00                    | ",
        "2026-11-14T18:12:48+19:00           | ",
        "2026-11-14T18:12:48+01              | ",
        "2026-11-14T18:12:48.1234567891      | ",
        "2026-11-14T18:1x                    | ",
        "2026-11-14 18:12:4                  | ",
        "2026-11-14T18:12:48+01:00x          | ",
        "2026-1-14 18:12                     | ",
    })
    void readsTheCommonSpellingsByHandAsTheFormattersDo(String value, String expected) {
        Instant instant = expected == null ? null : Instant.parse(expected);
        Instant common = Timestamps.parseCommonIso(value, AMSTERDAM);
        if (common != null) {
            assertEquals(instant, common, "parseCommonIso " + value);
        }
        assertEquals(instant, catching(() -> Timestamps.parseAnySpelling(value, AMSTERDAM)),
                "parseAnySpelling " + value);
        assertEquals(instant, catching(() -> Timestamps.parse(value, AMSTERDAM)), "parse " + value);
    }

    private static Instant catching(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }
}
