package nl.defenceline.insights;

import static nl.defenceline.schema.ClassifiedColumns.CATEGORY;
import static nl.defenceline.schema.ClassifiedColumns.PREDICTED;
import static nl.defenceline.schema.TicketColumns.SKU;
import static nl.defenceline.schema.TicketColumns.TICKET_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nl.defenceline.Rows;
import nl.defenceline.SharedSpark;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.Source;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ComplaintSourcesTest {

    private static Dataset<Row> tickets(SparkSession spark) {
        return Rows.classified(Source.TICKETS)
                .add(TICKET_ID, "1", CATEGORY, "DELIVERY", PREDICTED, "DELIVERY", SKU, "A")
                .add(TICKET_ID, "2", CATEGORY, "DELIVERY", PREDICTED, "DELIVERY", SKU, "B")
                .add(TICKET_ID, "3", CATEGORY, "UNCERTAIN", PREDICTED, "DELIVERY", SKU, "B")
                .add(TICKET_ID, "4", CATEGORY, "PRODUCT_INFO", PREDICTED, "PRODUCT_INFO", SKU, "A")
                .add(TICKET_ID, "5", SKU, "A")
                .toDataset(spark);
    }

    private static Dataset<Row> names(SparkSession spark) {
        return ProductNames.of(Rows.of(Source.PRODUCTS)
                .add(nl.defenceline.schema.ProductColumns.SKU, "B", nl.defenceline.schema.ProductColumns.NAME, "Bag")
                .toDataset(spark), Rows.of(Source.RETURNS).toDataset(spark));
    }

    @Test
    void ordersCategoriesByShareOfAllClassifiedTicketsUncertainOnesIncluded(SparkSession spark) {
        List<Row> rows = ComplaintSources.compute(tickets(spark), names(spark), 3,
                ShareEstimator.counting()).collectAsList();

        assertEquals(Category.trainedValues().size(), rows.size(), "every category is listed, UNCERTAIN is not one");
        Row top = rows.get(0);
        assertEquals("DELIVERY", top.getAs(ReportColumns.CATEGORY.column()));
        assertEquals(3L, (long) top.getAs(ReportColumns.TICKETS.column()), "the uncertain ticket counts by its best guess");
        assertEquals(0.75, top.<Double>getAs(ReportColumns.SHARE.column()), 1e-9);
        assertEquals(0.75, top.<Double>getAs(ReportColumns.CUMULATIVE_SHARE.column()), 1e-9);
        assertEquals(2L, (long) top.getAs(ReportColumns.CONFIDENT.column()));
        assertTrue(top.<Double>getAs(ReportColumns.SHARE_LOW.column()) <= 0.75
                && top.<Double>getAs(ReportColumns.SHARE_HIGH.column()) >= 0.75);
        assertEquals(Category.DELIVERY.action(), top.getAs(ReportColumns.ACTION.column()));
        assertEquals("A (1); B Bag (1)", top.getAs(ReportColumns.TOP_PRODUCTS.column()),
                "top products come from the confident tickets");
        assertEquals("PRODUCT_INFO", rows.get(1).getAs(ReportColumns.CATEGORY.column()));
        assertEquals(1.0, rows.get(1).<Double>getAs(ReportColumns.CUMULATIVE_SHARE.column()), 1e-9);
        assertEquals(0L, (long) rows.get(2).getAs(ReportColumns.TICKETS.column()));
        assertEquals("", rows.get(2).getAs(ReportColumns.TOP_PRODUCTS.column()));
    }

    @Test
    void correctsTheSharesForTheModelsKnownMistakes(SparkSession spark) {
        int n = Category.trainedValues().size();
        long[][] confusion = new long[n][n];
        for (int i = 0; i < n; i++) {
            confusion[i][i] = 100;
        }
        // Half of the true PRODUCT_INFO texts look like DELIVERY to this model.
        int product = Category.trainedValues().indexOf(Category.PRODUCT_INFO);
        confusion[product][product] = 50;
        confusion[product][Category.trainedValues().indexOf(Category.DELIVERY)] = 50;
        ShareEstimator estimator = ShareEstimator.correcting(confusion);

        List<Row> rows = ComplaintSources.compute(tickets(spark), names(spark), 3, estimator).collectAsList();

        double delivery = rows.stream().filter(r -> r.getAs(ReportColumns.CATEGORY.column()).equals("DELIVERY"))
                .findFirst().orElseThrow().getAs(ReportColumns.SHARE.column());
        assertTrue(delivery < 0.75, "some of the DELIVERY guesses are taken for PRODUCT_INFO, got " + delivery);
    }
}
