package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import nl.defenceline.schema.ProductColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.ReturnColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One display name per sku: the catalogue's name when products.csv has it, else the name a return carried. */
public final class ProductNames {

    private ProductNames() {
    }

    /** Columns: sku, product. */
    public static Dataset<Row> of(Dataset<Row> products, Dataset<Row> returns) {
        String sku = ReportColumns.SKU.column();
        Dataset<Row> catalogue = products
                .groupBy(col(ProductColumns.SKU.header()).as(sku))
                .agg(max(ProductColumns.NAME.header()).as(WorkingColumns.CATALOGUE_NAME.column()));
        Dataset<Row> fromReturns = returns
                .groupBy(col(ReturnColumns.SKU.header()).as(sku))
                .agg(max(ReturnColumns.PRODUCT_NAME.header()).as(WorkingColumns.RETURNED_NAME.column()));
        return catalogue.join(fromReturns, catalogue.col(sku).equalTo(fromReturns.col(sku)), "full_outer")
                .select(coalesce(catalogue.col(sku), fromReturns.col(sku)).as(sku),
                        coalesce(col(WorkingColumns.CATALOGUE_NAME.column()), col(WorkingColumns.RETURNED_NAME.column())).as(ReportColumns.PRODUCT.column()));
    }
}
