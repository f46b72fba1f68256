package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ProductQuotesTest {

    @Test
    void quotesTheSurestTicketOfEachCategoryAndAReturnCommentTheMostFrequentFirst(SparkSession spark) {
        var tickets = Rows.classified(Source.TICKETS)
                .add(TicketColumns.TICKET_ID, "T1", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, 0.6, TicketColumns.BODY, "Waar blijft mijn pakket nou toch")
                .add(TicketColumns.TICKET_ID, "T2", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, 0.9, TicketColumns.BODY, "Mijn jurk is nog steeds niet geleverd")
                .add(TicketColumns.TICKET_ID, "T3", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "PRODUCT_INFO",
                        ClassifiedColumns.CONFIDENCE, 0.8, TicketColumns.SUBJECT, "Welke maat valt de jurk?")
                .add(TicketColumns.TICKET_ID, "T4", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "OTHER",
                        ClassifiedColumns.CONFIDENCE, 0.99, TicketColumns.BODY, "Graag uitschrijven van de nieuwsbrief")
                .toDataset(spark);
        var returns = Rows.of(Source.RETURNS)
                .add(ReturnColumns.RETURN_ID, "R1", ReturnColumns.SKU, "A", ReturnColumns.QUANTITY, 1,
                        ReturnColumns.REASON_TEXT, "te klein")
                .add(ReturnColumns.RETURN_ID, "R2", ReturnColumns.SKU, "A", ReturnColumns.QUANTITY, 1,
                        ReturnColumns.REASON_TEXT, "De kleur is veel feller dan op de foto")
                .toDataset(spark);

        List<String> quotes = ProductQuotes.compute(tickets, returns, 3).collectAsList().stream()
                .map(r -> r.getAs("source") + " " + r.getAs("id") + " " + r.getAs("quote")).toList();

        assertEquals(List.of("ticket T2 Mijn jurk is nog steeds niet geleverd", "ticket T3 Welke maat valt de jurk?",
                "return R2 De kleur is veel feller dan op de foto"), quotes,
                "DELIVERY has two quotable tickets; OTHER says nothing about the page; 'te klein' is too short");
    }

    @Test
    void breaksTiesInConfidenceByTheShortestThenTheFirstIdAndPrefersAnyConfidenceToNone(SparkSession spark) {
        var tickets = Rows.classified(Source.TICKETS)
                .add(TicketColumns.TICKET_ID, "T10", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, 0.9, TicketColumns.BODY, "Waar blijft mijn pakket nou toch")
                .add(TicketColumns.TICKET_ID, "T9", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, 0.9, TicketColumns.BODY, "Mijn jurk is nog steeds niet geleverd")
                .add(TicketColumns.TICKET_ID, "T8", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, 0.9, TicketColumns.BODY, "Het pakket is nog altijd niet hier")
                .add(TicketColumns.TICKET_ID, "T1", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        ClassifiedColumns.CONFIDENCE, null, TicketColumns.BODY, "Wanneer komt mijn bestelling eindelijk")
                .toDataset(spark);
        var returns = Rows.of(Source.RETURNS)
                .add(ReturnColumns.RETURN_ID, "R22", ReturnColumns.SKU, "A", ReturnColumns.QUANTITY, 1,
                        ReturnColumns.REASON_TEXT, "De mouwen zijn veel te lang")
                .add(ReturnColumns.RETURN_ID, "R3", ReturnColumns.SKU, "A", ReturnColumns.QUANTITY, 1,
                        ReturnColumns.REASON_TEXT, "De kleur is veel feller dan op de foto")
                .toDataset(spark);

        List<String> quotes = ProductQuotes.compute(tickets, returns, 3).collectAsList().stream()
                .map(r -> r.getAs("source") + " " + r.getAs("id")).toList();

        assertEquals(List.of("ticket T8", "return R3"), quotes);
    }

    @Test
    void leavesOutTextsTooShortToSayAnything() {
        assertNull(ProductQuotes.quote("Te klein."));
        assertNull(ProductQuotes.quote(null));
        assertEquals("Valt een maat kleiner dan normaal", ProductQuotes.quote("Valt een maat kleiner dan normaal"));
    }
}
