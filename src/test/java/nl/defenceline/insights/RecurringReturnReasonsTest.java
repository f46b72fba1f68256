package nl.defenceline.insights;

import static nl.defenceline.schema.ReturnColumns.PRODUCT_NAME;
import static nl.defenceline.schema.ReturnColumns.QUANTITY;
import static nl.defenceline.schema.ReturnColumns.REASON_CODE;
import static nl.defenceline.schema.ReturnColumns.REASON_TEXT;
import static nl.defenceline.schema.ReturnColumns.RETURNED_AT;
import static nl.defenceline.schema.ReturnColumns.SKU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.util.List;
import nl.defenceline.ReasonsByKeywords;
import nl.defenceline.Rows;
import nl.defenceline.classify.ReturnReason;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class RecurringReturnReasonsTest {

    @Test
    void flagsReasonThatRecursThreeTimesForOneSku(SparkSession spark) {
        Dataset<Row> returns = ReasonsByKeywords.withReasons(spark, Rows.of(Source.RETURNS)
                .add(SKU, "JRK", PRODUCT_NAME, "Jurk", REASON_CODE, "colour_differs", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-01T10:00:00"))
                .add(SKU, "JRK", PRODUCT_NAME, "Jurk", REASON_CODE, "other", REASON_TEXT, "Kleur wijkt af van de foto", QUANTITY, 2, RETURNED_AT, Rows.at("2026-10-03T10:00:00"))
                .add(SKU, "JRK", PRODUCT_NAME, "Jurk", REASON_CODE, "", REASON_TEXT, "colour is much darker", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-09T23:30:00"))
                .add(SKU, "JRK", PRODUCT_NAME, "Jurk", REASON_CODE, "too_small", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-04T10:00:00"))
                .add(SKU, "SNK", PRODUCT_NAME, "Sneaker", REASON_CODE, "too_small", QUANTITY, 1, RETURNED_AT, Rows.at("2026-10-04T10:00:00"))
                .toDataset(spark));
        Dataset<Row> names = ProductNames.of(Rows.of(Source.PRODUCTS).toDataset(spark), returns);

        Dataset<Row> orders = Rows.of(Source.ORDERS)
                .add(OrderColumns.ORDER_ID, "O1", OrderColumns.SKU, "JRK", OrderColumns.QUANTITY, 8)
                .toDataset(spark);

        List<Row> rows = RecurringReturnReasons.compute(returns, names, orders, 3).collectAsList();

        assertEquals(3, rows.size());
        Row top = rows.get(0);
        assertEquals("JRK", top.getString(0));
        assertEquals("Jurk", top.getString(1));
        assertEquals(ReturnReason.LOOKS_DIFFERENT.label(), top.getString(2));
        assertEquals(ReturnReason.LOOKS_DIFFERENT.fix(), top.getString(3));
        assertEquals(3L, top.getLong(4));
        assertEquals(4L, top.getLong(5), "units");
        assertEquals(0.75, top.getDouble(6), 1e-9);
        assertEquals(0.5, top.getDouble(7), 1e-9, "4 of 8 ordered units came back for this reason");
        assertEquals(Date.valueOf("2026-10-01"), top.getDate(8));
        assertEquals(Date.valueOf("2026-10-09"), top.getDate(9), "23:30 local is still the 9th");
        assertTrue(top.getBoolean(10));
        assertFalse(rows.get(1).getBoolean(10));
        assertFalse(rows.get(2).getBoolean(10));
        assertTrue(rows.stream().filter(r -> r.getString(0).equals("SNK")).allMatch(r -> r.isNullAt(7)), "no orders, no rate");
    }
}
