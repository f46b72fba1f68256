package nl.defenceline.insights;

import static nl.defenceline.schema.StockQuestionColumns.ASKED_AT;
import static nl.defenceline.schema.StockQuestionColumns.CUSTOMER_ID;
import static nl.defenceline.schema.StockQuestionColumns.SKU;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class StockoutHotspotsTest {

    @Test
    void ranksProductsByQuestionsAndCountsDistinctCustomers(SparkSession spark) {
        var questions = Rows.of(Source.STOCK_QUESTIONS)
                .add(SKU, "TAS", CUSTOMER_ID, "C1", ASKED_AT, Rows.at("2026-10-02T10:00:00"))
                .add(SKU, "TAS", CUSTOMER_ID, "C1", ASKED_AT, Rows.at("2026-10-05T10:00:00"))
                .add(SKU, "TAS", CUSTOMER_ID, "C2", ASKED_AT, Rows.at("2026-10-07T10:00:00"))
                .add(SKU, "MOK", CUSTOMER_ID, "C3", ASKED_AT, Rows.at("2026-10-03T10:00:00"))
                .toDataset(spark);
        var names = ProductNames.of(Rows.of(Source.PRODUCTS).add(ProductColumns.SKU, "TAS", ProductColumns.NAME, "Tas")
                .toDataset(spark), Rows.of(Source.RETURNS).toDataset(spark));

        List<Row> rows = StockoutHotspots.compute(questions, names).collectAsList();

        assertEquals(2, rows.size());
        assertEquals("TAS", rows.get(0).getString(0));
        assertEquals("Tas", rows.get(0).getString(1));
        assertEquals(3L, rows.get(0).getLong(2));
        assertEquals(2L, rows.get(0).getLong(3));
        assertEquals(Date.valueOf("2026-10-02"), rows.get(0).getDate(4));
        assertEquals(Date.valueOf("2026-10-07"), rows.get(0).getDate(5));
        assertEquals("MOK", rows.get(1).getString(0));
    }
}
