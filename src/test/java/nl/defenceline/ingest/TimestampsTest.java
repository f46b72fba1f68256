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
    })
    void readsTheSpellingsExportsUse(String raw, String expected) {
        assertEquals(Instant.parse(expected), Timestamps.parse(raw, AMSTERDAM));
    }

    @Test
    void honoursAnOffsetWhateverTheShopZone() {
        assertEquals(Timestamps.parse("2026-11-02T14:03:00+01:00", ZoneId.of("UTC")),
                Timestamps.parse("2026-11-02T14:03:00+01:00", AMSTERDAM));
    }

    @Test
    void takesTheEarlierOffsetForTheAutumnHourThatHappensTwice() {
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), Timestamps.parse("2026-10-25 02:30:00", AMSTERDAM));
    }

    @Test
    void movesASpringTimeThatDoesNotExistForward() {
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), Timestamps.parse("2026-03-29 02:30:00", AMSTERDAM));
    }

    @ParameterizedTest
    @CsvSource({"gisteren", "31-02-2026 10:00", "2026-13-01 10:00:00", "12:00", "2026-11-02 25:00:00"})
    void rejectsWhatIsNotADateTime(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(raw, AMSTERDAM));
        assertEquals(true, e.getMessage().contains("is not a date-time"));
    }

    /** The hand-written reader of the common spellings gives what the formatters give, or leaves the value to them. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-14 18:12:48", "2026-11-14T18:12:48", "2026-11-14T18:12", "2026-11-14 18:12:48Z",
        "2026-11-14T18:12:48z", "2026-11-14T18:12:48+01:00", "2026-11-14 18:12:48 +0100", "2026-11-14T18:12:48-05:30",
        "2026-11-14T18:12:48.5", "2026-11-14T18:12:48.123456789+02:00", "2026-10-25 02:30:00", "2026-03-29 02:30",
        "2026-02-29 10:00", "2024-02-29 10:00", "2026-11-14 24:00", "2026-11-14T18:12:48+19:00", "2026-11-14T18:12:48+01",
        "2026-11-14T18:12:48.", "2026-11-14T18:12:48.1234567891", "2026-11-14T18:1x", "2026-11-14 18:12:4", "0000-01-01 00:00",
        "2026-11-14t18:12:48", "2026-11-14T 18:12", "2026-11-14T18:12:48 Z", "2026-11-14T18:12:48+01:00x", "2026-1-14 18:12"})
    void readsCommonSpellingsAsTheFormattersDo(String value) {
        Instant common = Timestamps.parseCommonIso(value, AMSTERDAM);
        Instant formatters;
        try {
            formatters = Timestamps.parseAnySpelling(value, AMSTERDAM);
        } catch (IllegalArgumentException rejected) {
            formatters = null;
        }
        if (common != null) {
            assertEquals(formatters, common, value);
        }
        assertEquals(formatters, catching(() -> Timestamps.parse(value, AMSTERDAM)), value);
    }

    private static Instant catching(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException rejected) {
            return null;
        }
    }
}
