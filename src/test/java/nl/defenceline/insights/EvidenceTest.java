package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.defenceline.ReasonsByKeywords;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class EvidenceTest {

    @Test
    void listsTheIdsBehindEachCategoryReasonAndStockOutFindingNewestFirst(SparkSession spark) {
        var tickets = Rows.classified(Source.TICKETS)
                .add(TicketColumns.TICKET_ID, "T9", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        TicketColumns.CREATED_AT, Rows.at("2026-11-01T10:00:00"))
                .add(TicketColumns.TICKET_ID, "T10", TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "DELIVERY",
                        TicketColumns.CREATED_AT, Rows.at("2026-11-02T10:00:00"))
                .add(TicketColumns.TICKET_ID, "T11", TicketColumns.SKU, null, ClassifiedColumns.CATEGORY, "DELIVERY",
                        TicketColumns.CREATED_AT, Rows.at("2026-11-02T10:00:00"))
                .toDataset(spark);
        var returns = ReasonsByKeywords.withReasons(spark, Rows.of(Source.RETURNS)
                .add(ReturnColumns.RETURN_ID, "R1", ReturnColumns.SKU, "A", ReturnColumns.REASON_CODE, "too_small",
                        ReturnColumns.RETURNED_AT, Rows.at("2026-11-03T10:00:00"), ReturnColumns.QUANTITY, 1)
                .toDataset(spark));
        var questions = Rows.of(Source.STOCK_QUESTIONS)
                .add(StockQuestionColumns.QUESTION_ID, "Q1", StockQuestionColumns.SKU, "B",
                        StockQuestionColumns.ASKED_AT, Rows.at("2026-11-04T10:00:00"))
                .toDataset(spark);

        List<String> rows = Evidence.compute(tickets, returns, questions).collectAsList().stream()
                .map(EvidenceTest::line).toList();

        assertEquals(List.of("A category DELIVERY ticket T10 2026-11-02", "A category DELIVERY ticket T9 2026-11-01",
                "A return_reason too small return R1 2026-11-03", "B stock_question null stock_question Q1 2026-11-04"),
                rows, "a ticket without a product backs no card");
    }

    @Test
    void keepsTheNewestHundredIdsOfAFinding(SparkSession spark) {
        Rows tickets = Rows.classified(Source.TICKETS);
        for (int i = 1; i <= Evidence.MAX_PER_FINDING + 5; i++) {
            tickets.add(TicketColumns.TICKET_ID, "T" + i, TicketColumns.SKU, "A", ClassifiedColumns.CATEGORY, "STOCK",
                    TicketColumns.CREATED_AT, java.sql.Timestamp.from(Rows.at("2026-11-01T10:00:00").toInstant()
                            .plusSeconds(60L * i)));
        }
        List<Row> rows = Evidence.compute(tickets.toDataset(spark), ReasonsByKeywords.withReasons(spark, Rows.of(Source.RETURNS).toDataset(spark)),
                Rows.of(Source.STOCK_QUESTIONS).toDataset(spark)).collectAsList();

        assertEquals(Evidence.MAX_PER_FINDING, rows.size());
        assertEquals("T105", rows.get(0).getAs("id"));
        assertEquals("T6", rows.get(rows.size() - 1).getAs("id"));
    }

    private static String line(Row row) {
        return row.getAs("sku") + " " + row.getAs("finding") + " " + row.getAs("key") + " " + row.getAs("source") + " "
                + row.getAs("id") + " " + row.getAs("date");
    }
}
