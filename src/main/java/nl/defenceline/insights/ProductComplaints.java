package nl.defenceline.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;

import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Complaint categories per product: what a product-page owner should fix on each page. */
public final class ProductComplaints {

    private ProductComplaints() {
    }

    /** Columns: sku, product, category, tickets; per sku the largest category first. */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, Dataset<Row> productNames) {
        String sku = ReportColumns.SKU.column();
        return classifiedTickets.filter(col(TicketColumns.SKU.header()).isNotNull())
                .groupBy(col(TicketColumns.SKU.header()).as(sku),
                        col(ClassifiedColumns.CATEGORY.column()).as(ReportColumns.CATEGORY.column()))
                .agg(count("*").as(ReportColumns.TICKETS.column()))
                .join(productNames, sku, "left")
                .select(col(sku), col(ReportColumns.PRODUCT.column()), col(ReportColumns.CATEGORY.column()),
                        col(ReportColumns.TICKETS.column()))
                .orderBy(col(sku), desc(ReportColumns.TICKETS.column()), col(ReportColumns.CATEGORY.column()));
    }
}
