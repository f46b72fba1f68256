package nl.defenceline.job;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;
import nl.defenceline.ingest.ColumnMapping;

/**
 * Settings of one analysis run, built once by the CLI.
 *
 * @param input         export folder, a path or Hadoop filesystem URI
 * @param output        folder the reports are written to, a path or Hadoop filesystem URI
 * @param shopZone      zone for timestamps without offset and for local hours and dates in reports
 * @param minRecurrence returns with one reason for one sku from which that reason counts as recurring
 * @param topProducts   products listed per complaint category
 * @param minConfidence below this probability of its best category a text counts as UNCERTAIN and goes to review
 * @param mapping       column mapping forced with --mapping, or null to detect one per file from its header
 * @param maxRejectShare share of rejected rows of any input above which the run ends with exit code 3
 * @param repeatDays    a customer back with the same category within this many days is a repeat contact
 * @param since         start of the trend window, or null for 7 days before {@code until}
 * @param until         end (exclusive) of the trend window, or null for just after the newest ticket
 * @param spikeMinimum  a trend spike needs at least this many tickets in the window
 * @param orderNumbers  the shop's order-number pattern, redacted from free text in reports; null for none
 * @param maxFieldSize  characters a field or JSON line may hold; a longer one is rejected without being read whole
 * @param language      the language of the pages and the readable CSV columns (headers and codes stay the same)
 * @param csvDelimiter  ',' or ';' (Dutch Excel's dialect, with decimal commas)
 */
public record RunConfig(String input, String output, ZoneId shopZone, int minRecurrence, int topProducts,
                        double minConfidence, ColumnMapping mapping, double maxRejectShare, int repeatDays,
                        Instant since, Instant until, int spikeMinimum, Pattern orderNumbers,
                        int maxFieldSize, java.util.Locale language, char csvDelimiter) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");
    public static final int DEFAULT_MIN_RECURRENCE = 3;
    public static final int DEFAULT_TOP_PRODUCTS = 3;
    public static final double DEFAULT_MAX_REJECT_SHARE = 0.05;
    public static final int DEFAULT_REPEAT_DAYS = 7;
    public static final int DEFAULT_TREND_DAYS = 7;
    public static final int DEFAULT_SPIKE_MINIMUM = 5;
    /** The shops Defence Line is made for are Dutch, and so are the people who read its pages first. */
    public static final java.util.Locale DEFAULT_LANGUAGE = java.util.Locale.forLanguageTag("nl");
}
