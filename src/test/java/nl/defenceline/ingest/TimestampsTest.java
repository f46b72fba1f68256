package nl.defenceline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
