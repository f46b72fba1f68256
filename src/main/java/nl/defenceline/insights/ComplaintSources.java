package nl.defenceline.insights;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import nl.defenceline.classify.Category;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Which categories the tickets come from, in Pareto order, with the line-of-defence action and top products. */
public final class ComplaintSources {

    private ComplaintSources() {
    }

    /**
     * Columns: category, tickets, share, cumulative_share, action, top_products; one row per category (zero counts
     * included), most tickets first.
     *
     * @param tickets      classified tickets
     * @param productNames sku, product
     * @param topProducts  how many products to list per category
     */
    public static Dataset<Row> compute(Dataset<Row> tickets, Dataset<Row> productNames, int topProducts) {
        String category = ReportColumns.CATEGORY.column();
        String count = ReportColumns.TICKETS.column();
        Dataset<Row> counted = tickets
                .filter(col(ClassifiedColumns.CATEGORY.column()).isNotNull())
                .groupBy(col(ClassifiedColumns.CATEGORY.column()).as(category))
                .agg(count("*").as(count));
        Dataset<Row> all = categories(tickets).join(counted, category, "left")
                .withColumn(count, coalesce(col(count), lit(0L)));
        WindowSpec everything = Window.partitionBy();
        WindowSpec pareto = Window.orderBy(desc(count), col(category)).rowsBetween(Window.unboundedPreceding(), 0);
        Column total = sum(count).over(everything);
        return all
                .withColumn(ReportColumns.SHARE.column(), when(total.gt(0), col(count).divide(total)).otherwise(0.0))
                .withColumn(ReportColumns.CUMULATIVE_SHARE.column(),
                        when(total.gt(0), sum(count).over(pareto).divide(total)).otherwise(0.0))
                .join(topProducts(tickets, productNames, topProducts), category, "left")
                .select(col(category), col(count), col(ReportColumns.SHARE.column()),
                        col(ReportColumns.CUMULATIVE_SHARE.column()), col(ReportColumns.ACTION.column()),
                        coalesce(col(ReportColumns.TOP_PRODUCTS.column()), lit("")).as(ReportColumns.TOP_PRODUCTS.column()))
                .orderBy(desc(count), col(category));
    }

    private static Dataset<Row> categories(Dataset<Row> tickets) {
        StructType schema = new StructType()
                .add(ReportColumns.CATEGORY.column(), DataTypes.StringType, false)
                .add(ReportColumns.ACTION.column(), DataTypes.StringType, false);
        List<Row> rows = Arrays.stream(Category.values()).map(c -> RowFactory.create(c.name(), c.action())).toList();
        return tickets.sparkSession().createDataFrame(rows, schema);
    }

    /** "SKU name (n); ..." per category, the products with the most tickets first. */
    private static Dataset<Row> topProducts(Dataset<Row> tickets, Dataset<Row> productNames, int limit) {
        String category = ReportColumns.CATEGORY.column();
        String sku = ReportColumns.SKU.column();
        String count = ReportColumns.TICKETS.column();
        Dataset<Row> perProduct = tickets
                .filter(col(TicketColumns.SKU.header()).isNotNull().and(col(ClassifiedColumns.CATEGORY.column()).isNotNull()))
                .groupBy(col(ClassifiedColumns.CATEGORY.column()).as(category), col(TicketColumns.SKU.header()).as(sku))
                .agg(count("*").as(count))
                .withColumn("rank", row_number().over(Window.partitionBy(category).orderBy(desc(count), col(sku))))
                .filter(col("rank").leq(limit))
                .join(productNames, sku, "left");
        Column label = concat(col(sku),
                coalesce(concat(lit(" "), col(ReportColumns.PRODUCT.column())), lit("")),
                lit(" ("), col(count).cast(DataTypes.StringType), lit(")"));
        return perProduct
                .groupBy(category)
                .agg(sort_array(collect_list(struct(col("rank"), label.as("label")))).as("ranked"))
                .select(col(category),
                        array_join(transform(col("ranked"), r -> r.getField("label")), "; ")
                                .as(ReportColumns.TOP_PRODUCTS.column()));
    }
}
