package nl.defenceline.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.OrderColumns;
import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.StockQuestionColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ProductPrioritiesTest {

    private static final Instant SINCE = Rows.at("2026-11-09T00:00:00").toInstant();
    private static final Instant UNTIL = Rows.at("2026-11-16T00:00:00").toInstant();

    @Test
    void ratesContactsAndReturnsPer100OrdersOnlyWhenTheProductHasOrders() {
        assertEquals(25.0, ProductPriorities.per100Orders(5L, 20L));
        assertNull(ProductPriorities.per100Orders(5L, null));
        assertNull(ProductPriorities.per100Orders(5L, 0L), "no orders: unknown, not infinite");
    }

    @Test
    void estimatesMissedDemandAsCustomersAskingTimesUnitsPerOrder() {
        assertEquals(1.5, ProductPriorities.unitsPerOrder(30L, 20L));
        assertEquals(6.0, ProductPriorities.missedDemand(4L, 30L, 20L), "4 customers x 1.5 units per order");
        assertEquals(0.0, ProductPriorities.missedDemand(0L, 30L, 20L));
        assertNull(ProductPriorities.missedDemand(4L, null, null), "nothing to estimate the units from");
    }

    @Test
    void ranksByContactsAndReturnsPer100OrdersWithProductsWithoutOrdersLast(SparkSession spark) {
        // A: 2 tickets + 1 return on 4 orders = 75 per 100; B: 3 tickets + 1 question on 40 orders = 10 per 100;
        // C: 5 tickets, the most, but no orders: after both.
        Dataset<Row> tickets = tickets(spark, "A", "A", "B", "B", "B", "C", "C", "C", "C", "C");
        Dataset<Row> returns = Rows.of(Source.RETURNS).add(ReturnColumns.SKU, "A", ReturnColumns.RETURN_ID, "R1",
                ReturnColumns.QUANTITY, 1).toDataset(spark);
        Dataset<Row> questions = Rows.of(Source.STOCK_QUESTIONS).add(StockQuestionColumns.SKU, "B",
                StockQuestionColumns.CUSTOMER_ID, "C1", StockQuestionColumns.QUESTION_ID, "Q1").toDataset(spark);
        Rows orders = Rows.of(Source.ORDERS);
        for (int i = 0; i < 40; i++) {
            orders.add(OrderColumns.ORDER_ID, "O" + i, OrderColumns.SKU, i < 4 ? "A" : "B", OrderColumns.QUANTITY, 2);
        }
        Dataset<Row> products = Rows.of(Source.PRODUCTS)
                .add(ProductColumns.SKU, "A", ProductColumns.NAME, "Jurk", ProductColumns.PAGE_URL, "https://shop/a")
                .toDataset(spark);

        List<Row> rows = compute(spark, tickets, returns, questions, orders.toDataset(spark), products);

        assertEquals(List.of("A", "B", "C"), rows.stream().map(r -> r.<String>getAs("sku")).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(r -> r.<Integer>getAs("rank")).toList());
        Row a = rows.get(0);
        assertEquals("Jurk", a.getAs("product"));
        assertEquals("https://shop/a", a.getAs("page_url"));
        assertEquals(75.0, a.<Double>getAs(ReportColumns.PER_100_ORDERS.column()), 1e-9);
        Row b = rows.get(1);
        assertEquals(1L, b.<Long>getAs(ReportColumns.STOCK_QUESTIONS.column()));
        assertEquals(2.0, b.<Double>getAs(ReportColumns.UNITS_PER_ORDER.column()), 1e-9);
        assertEquals(2.0, b.<Double>getAs(ReportColumns.MISSED_DEMAND.column()), 1e-9, "1 customer x 2 units");
        assertNull(rows.get(2).getAs(ReportColumns.PER_100_ORDERS.column()));
        assertNull(rows.get(2).getAs(ReportColumns.MISSED_DEMAND.column()));
    }

    @Test
    void withoutOrdersRanksByTheNumberOfContactsAndReturnsAndCarriesTheTrend(SparkSession spark) {
        Dataset<Row> tickets = tickets(spark, "A", "B", "B");
        Dataset<Row> returns = Rows.of(Source.RETURNS)
                .add(ReturnColumns.SKU, "A", ReturnColumns.RETURN_ID, "R1", ReturnColumns.QUANTITY, 1)
                .add(ReturnColumns.SKU, "A", ReturnColumns.RETURN_ID, "R2", ReturnColumns.QUANTITY, 1)
                .add(ReturnColumns.SKU, "D", ReturnColumns.RETURN_ID, "R3", ReturnColumns.QUANTITY, 1)
                .toDataset(spark);

        List<Row> rows = compute(spark, tickets, returns, Rows.of(Source.STOCK_QUESTIONS).toDataset(spark),
                Rows.of(Source.ORDERS).toDataset(spark), Rows.of(Source.PRODUCTS).toDataset(spark));

        assertEquals(List.of("A", "B", "D"), rows.stream().map(r -> r.<String>getAs("sku")).toList(),
                "A: 1 ticket + 2 returns, B: 2 tickets, D: 1 return only");
        assertEquals(2L, rows.get(1).<Long>getAs(ReportColumns.CURRENT.column()), "both in the trend window");
        assertEquals(0L, rows.get(2).<Long>getAs(ReportColumns.TICKETS.column()));
        assertEquals(false, rows.get(2).getAs(ReportColumns.SPIKE.column()));
    }

    private static List<Row> compute(SparkSession spark, Dataset<Row> tickets, Dataset<Row> returns,
                                     Dataset<Row> questions, Dataset<Row> orders, Dataset<Row> products) {
        return ProductPriorities.compute(tickets, returns, questions, orders, products,
                ProductNames.of(products, returns), Trends.compute(tickets, SINCE, UNTIL, 5)).collectAsList();
    }

    private static Dataset<Row> tickets(SparkSession spark, String... skus) {
        Rows rows = Rows.classified(Source.TICKETS);
        int id = 0;
        for (String sku : skus) {
            rows.add(TicketColumns.TICKET_ID, "T" + ++id, TicketColumns.SKU, sku,
                    TicketColumns.CREATED_AT, Rows.at("2026-11-10T10:00:00"), ClassifiedColumns.CATEGORY, "DELIVERY");
        }
        return rows.toDataset(spark);
    }
}
