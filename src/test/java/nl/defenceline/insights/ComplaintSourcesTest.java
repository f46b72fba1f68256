package nl.defenceline.insights;

import static nl.defenceline.schema.ClassifiedColumns.CATEGORY;
import static nl.defenceline.schema.TicketColumns.SKU;
import static nl.defenceline.schema.TicketColumns.TICKET_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.classify.Category;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ComplaintSourcesTest {

    @Test
    void ordersCategoriesByTicketsWithCumulativeShareAndTopProducts(SparkSession spark) {
        Dataset<Row> tickets = Rows.classified(Source.TICKETS)
                .add(TICKET_ID, "1", CATEGORY, "DELIVERY", SKU, "A")
                .add(TICKET_ID, "2", CATEGORY, "DELIVERY", SKU, "B")
                .add(TICKET_ID, "3", CATEGORY, "DELIVERY", SKU, "B")
                .add(TICKET_ID, "4", CATEGORY, "PRODUCT_INFO", SKU, "A")
                .toDataset(spark);
        Dataset<Row> names = ProductNames.of(Rows.of(Source.PRODUCTS)
                .add(nl.defenceline.schema.ProductColumns.SKU, "B", nl.defenceline.schema.ProductColumns.NAME, "Bag")
                .toDataset(spark), Rows.of(Source.RETURNS).toDataset(spark));

        List<Row> rows = ComplaintSources.compute(tickets, names, 3).collectAsList();

        assertEquals(Category.values().length, rows.size(), "every category is listed, zero or not");
        assertEquals("DELIVERY", rows.get(0).getString(0));
        assertEquals(3L, rows.get(0).getLong(1));
        assertEquals(0.75, rows.get(0).getDouble(2), 1e-9);
        assertEquals(0.75, rows.get(0).getDouble(3), 1e-9);
        assertEquals(Category.DELIVERY.action(), rows.get(0).getString(4));
        assertEquals("B Bag (2); A (1)", rows.get(0).getString(5));
        assertEquals("PRODUCT_INFO", rows.get(1).getString(0));
        assertEquals(1.0, rows.get(1).getDouble(3), 1e-9);
        assertEquals(0L, rows.get(2).getLong(1));
        assertEquals("", rows.get(2).getString(5));
    }
}
