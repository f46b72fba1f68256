package nl.defenceline.insights;

import static nl.defenceline.schema.ClassifiedColumns.CATEGORY;
import static nl.defenceline.schema.ClassifiedColumns.CONTENT_KEY;
import static nl.defenceline.schema.ClassifiedColumns.WORDS;
import static nl.defenceline.schema.TicketColumns.BODY;
import static nl.defenceline.schema.TicketColumns.CHANNEL;
import static nl.defenceline.schema.TicketColumns.CREATED_AT;
import static nl.defenceline.schema.TicketColumns.CUSTOMER_ID;
import static nl.defenceline.schema.TicketColumns.FIRST_RESPONSE_AT;
import static nl.defenceline.schema.TicketColumns.RESOLVED_AT;
import static nl.defenceline.schema.TicketColumns.TICKET_ID;
import static org.apache.spark.sql.functions.rand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.rand;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each service KPI on a handful of hand-made tickets with known answers. */
@ExtendWith(SharedSpark.class)
class ServiceKpisTest {

    /**
     * Monday 2026-11-02: answered after 1 h, 3 h and 30 h, one still open, one answered before it was created; each
     * with the words and content key classification gives it.
     */
    private Dataset<Row> tickets(SparkSession spark) {
        return Rows.classified(Source.TICKETS)
                .add(TICKET_ID, "1", CHANNEL, "email", CUSTOMER_ID, "C1", CATEGORY, "DELIVERY", BODY, "waar is mijn pakket",
                        WORDS, words("waar is mijn pakket"), CONTENT_KEY, key("waar is mijn pakket"),
                        CREATED_AT, Rows.at("2026-11-02T09:00:00"), FIRST_RESPONSE_AT, Rows.at("2026-11-02T10:00:00"),
                        RESOLVED_AT, Rows.at("2026-11-02T11:00:00"))
                .add(TICKET_ID, "2", CHANNEL, "email", CUSTOMER_ID, "C1", CATEGORY, "DELIVERY", BODY, "pakket waar is mijn",
                        WORDS, words("pakket waar is mijn"), CONTENT_KEY, key("pakket waar is mijn"),
                        CREATED_AT, Rows.at("2026-11-04T09:00:00"), FIRST_RESPONSE_AT, Rows.at("2026-11-04T12:00:00"))
                .add(TICKET_ID, "3", CHANNEL, "email", CUSTOMER_ID, "C2", CATEGORY, "DELIVERY", BODY, "waar blijft het pakket",
                        WORDS, words("waar blijft het pakket"), CONTENT_KEY, key("waar blijft het pakket"),
                        CREATED_AT, Rows.at("2026-11-02T09:30:00"), FIRST_RESPONSE_AT, Rows.at("2026-11-03T15:30:00"))
                .add(TICKET_ID, "4", CHANNEL, "chat", CUSTOMER_ID, "C3", CATEGORY, "STOCK", BODY, "weer op voorraad?",
                        WORDS, words("weer op voorraad?"), CONTENT_KEY, key("weer op voorraad?"),
                        CREATED_AT, Rows.at("2026-11-10T14:00:00"))
                .add(TICKET_ID, "5", CHANNEL, "chat", CUSTOMER_ID, "C1", CATEGORY, "DELIVERY", BODY, "nog steeds niks",
                        WORDS, words("nog steeds niks"), CONTENT_KEY, key("nog steeds niks"),
                        CREATED_AT, Rows.at("2026-11-20T14:00:00"), FIRST_RESPONSE_AT, Rows.at("2026-11-20T13:00:00"))
                .toDataset(spark);
    }

    @Test
    void firstResponseCountsOpenAndInconsistentTicketsInsteadOfDroppingThem(SparkSession spark) {
        List<Row> rows = FirstResponseTimes.compute(tickets(spark)).collectAsList();
        Row all = rows.get(0);
        assertEquals("all", all.getString(0));
        assertEquals(List.of(5L, 3L, 1L, 1L), List.of(all.getLong(2), all.getLong(3), all.getLong(4), all.getLong(5)));
        assertEquals(3.0, all.getDouble(6), 1e-9, "median of 1, 3 and 30 hours");
        assertEquals(30.0, all.getDouble(7), 1e-9);
        Row chat = rows.get(1);
        assertEquals("chat", chat.getString(0));
        assertEquals(List.of(2L, 0L, 1L, 1L), List.of(chat.getLong(2), chat.getLong(3), chat.getLong(4), chat.getLong(5)));
        Row nineOClock = rows.stream().filter(r -> !r.isNullAt(1) && r.getInt(1) == 9).findFirst().orElseThrow();
        assertEquals(3L, nineOClock.getLong(2));
    }

    @Test
    void percentilesAreExactNearestRankWhateverTheRowOrder(SparkSession spark) {
        // 200,000 distinct hours, 0 to 199,999, and a negative one that only counts as inconsistent; in order and
        // scattered over partitions. An approximate percentile is off on a group this large, and by row order.
        Dataset<Row> hours = spark.range(-1, 200_000).selectExpr("CAST(id AS DOUBLE) AS "
                + WorkingColumns.HOURS.column());
        for (Dataset<Row> ordered : List.of(hours.coalesce(1), hours.repartition(7).orderBy(rand(3)))) {
            Column[] aggregates = ResponseHours.aggregates(
                    WorkingColumns.HOURS.column(), "answered", "open");
            Row row = ordered.agg(aggregates[0], Arrays.copyOfRange(aggregates, 1, aggregates.length)).first();
            assertEquals(List.of(200_001L, 200_000L, 0L, 1L), List.of(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3)));
            assertEquals(99_999.0, row.getDouble(4), 1e-9, "the 100,000th of 200,000 values");
            assertEquals(179_999.0, row.getDouble(5), 1e-9, "the 180,000th of 200,000 values");
        }
    }

    @Test
    void emailAnsweredWithin24HoursPerWeek(SparkSession spark) {
        List<Row> rows = EmailAnsweredWithin24h.compute(tickets(spark)).collectAsList();
        assertEquals(1, rows.size());
        assertEquals(Date.valueOf("2026-11-02"), rows.get(0).getDate(0));
        assertEquals(3L, rows.get(0).getLong(1));
        assertEquals(2L, rows.get(0).getLong(2));
        assertEquals(0.6667, rows.get(0).getDouble(3), 1e-9);
    }

    @Test
    void resolutionTimePerCategory(SparkSession spark) {
        Row delivery = ResolutionTimes.compute(tickets(spark)).collectAsList().get(0);
        assertEquals("DELIVERY", delivery.getString(0));
        assertEquals(List.of(4L, 1L, 3L), List.of(delivery.getLong(1), delivery.getLong(2), delivery.getLong(3)));
        assertEquals(2.0, delivery.getDouble(5), 1e-9);
    }

    @Test
    void repeatContactIsTheSameCustomerAndCategoryWithinTheWindow(SparkSession spark) {
        List<Row> rows = RepeatContacts.compute(tickets(spark), 7).collectAsList();
        Row delivery = rows.stream().filter(r -> r.getString(0).equals("DELIVERY")).findFirst().orElseThrow();
        assertEquals(4L, delivery.getLong(1));
        assertEquals(1L, delivery.getLong(2), "ticket 2 repeats ticket 1 after two days; ticket 5 comes 16 days later");
        assertEquals(0.25, delivery.getDouble(3), 1e-9);
    }

    @Test
    void contactRateIsTicketsPerHundredOrdersPerWeek(SparkSession spark) {
        Dataset<Row> orders = Rows.of(Source.ORDERS)
                .add(OrderColumns.ORDER_ID, "O1", OrderColumns.SKU, "A", OrderColumns.ORDERED_AT, Rows.at("2026-11-02T08:00:00"))
                .add(OrderColumns.ORDER_ID, "O1", OrderColumns.SKU, "B", OrderColumns.ORDERED_AT, Rows.at("2026-11-02T08:00:00"))
                .add(OrderColumns.ORDER_ID, "O2", OrderColumns.SKU, "A", OrderColumns.ORDERED_AT, Rows.at("2026-11-03T08:00:00"))
                .toDataset(spark);
        Row week = ContactRate.compute(tickets(spark), orders).collectAsList().get(0);
        assertEquals(Date.valueOf("2026-11-02"), week.getDate(0));
        assertEquals(List.of(3L, 2L), List.of(week.getLong(1), week.getLong(2)), "orders count once per order id");
        assertEquals(150.0, week.getDouble(3), 1e-9);
    }

    @Test
    void frequentShortAndAlikeCategoriesAreAutomationCandidates(SparkSession spark) {
        List<Row> rows = AutomationCandidates.compute(tickets(spark)).collectAsList();
        Row delivery = rows.get(0);
        assertEquals("DELIVERY", delivery.getString(0));
        assertEquals(0.5, delivery.getDouble(4), 1e-9, "tickets 1 and 2 have the same words");
        assertTrue(delivery.getBoolean(5));
        assertTrue(delivery.getString(6).startsWith("nog steeds niks | "), delivery.getString(6));
        assertFalse(rows.get(1).getBoolean(5));
    }

    /** What classification adds to a ticket about its words. */
    private static int words(String text) {
        return TextCleaner.tokens(text).length;
    }

    private static long key(String text) {
        return TextCleaner.contentKey(TextCleaner.tokens(text));
    }
}
