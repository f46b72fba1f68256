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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ShareEstimator;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which categories the tickets come from, in Pareto order, with the line-of-defence action and top products. Each
 * category's share is an estimate over all classified tickets, the uncertain ones included by their best guess (see
 * {@link ShareEstimator}), with a 95 % interval; UNCERTAIN is not a category here but the review queue, counted in
 * the run summary.
 */
public final class ComplaintSources {

    private ComplaintSources() {
    }

    /**
     * Columns: category, tickets (estimated), share, share_low, share_high, cumulative_share, confident (tickets
     * counted in the category with at least the review threshold's confidence), action, top_products; one row per
     * trained category (zero included), largest share first.
     *
     * @param tickets      classified tickets
     * @param productNames sku, product
     * @param topProducts  how many products to list per category
     * @param estimator    turns the counts of the model's best guesses into shares
     */
    public static Dataset<Row> compute(Dataset<Row> tickets, Dataset<Row> productNames, int topProducts,
                                       ShareEstimator estimator) {
        String category = ReportColumns.CATEGORY.column();
        List<Category> trained = Category.trainedValues();
        long[] guesses = new long[trained.size()];
        long[] confident = new long[trained.size()];
        for (Row row : tickets
                .filter(col(ClassifiedColumns.PREDICTED.column()).isNotNull())
                .groupBy(col(ClassifiedColumns.PREDICTED.column()), col(ClassifiedColumns.CATEGORY.column()))
                .agg(count("*"))
                .collectAsList()) {
            int guess = trained.indexOf(Category.valueOf(row.getString(0)));
            guesses[guess] += row.getLong(2);
            if (!row.getString(1).equals(Category.UNCERTAIN.name())) {
                confident[guess] += row.getLong(2);
            }
        }
        long total = Arrays.stream(guesses).sum();
        ShareEstimator.Shares shares = estimator.estimate(guesses);
        Integer[] order = new Integer[trained.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -shares.share()[i])
                .thenComparing(i -> trained.get(i).name()));
        List<Row> rows = new ArrayList<>();
        double cumulative = 0;
        for (int i : order) {
            cumulative += shares.share()[i];
            rows.add(RowFactory.create(trained.get(i).name(), Math.round(shares.share()[i] * total),
                    shares.share()[i], shares.low()[i], shares.high()[i], Math.min(1.0, cumulative), confident[i],
                    trained.get(i).action(), rows.size()));
        }
        StructType schema = new StructType()
                .add(category, DataTypes.StringType, false)
                .add(ReportColumns.TICKETS.column(), DataTypes.LongType, false)
                .add(ReportColumns.SHARE.column(), DataTypes.DoubleType, false)
                .add(ReportColumns.SHARE_LOW.column(), DataTypes.DoubleType, false)
                .add(ReportColumns.SHARE_HIGH.column(), DataTypes.DoubleType, false)
                .add(ReportColumns.CUMULATIVE_SHARE.column(), DataTypes.DoubleType, false)
                .add(ReportColumns.CONFIDENT.column(), DataTypes.LongType, false)
                .add(ReportColumns.ACTION.column(), DataTypes.StringType, false)
                .add(RANK, DataTypes.IntegerType, false);
        return tickets.sparkSession().createDataFrame(rows, schema)
                .join(topProducts(tickets, productNames, topProducts), category, "left")
                .orderBy(col(RANK))
                .select(col(category), col(ReportColumns.TICKETS.column()), col(ReportColumns.SHARE.column()),
                        col(ReportColumns.SHARE_LOW.column()), col(ReportColumns.SHARE_HIGH.column()),
                        col(ReportColumns.CUMULATIVE_SHARE.column()), col(ReportColumns.CONFIDENT.column()),
                        col(ReportColumns.ACTION.column()),
                        coalesce(col(ReportColumns.TOP_PRODUCTS.column()), lit("")).as(ReportColumns.TOP_PRODUCTS.column()));
    }

    /** Working column: the Pareto position, so the join with the top products keeps the order. */
    private static final String RANK = WorkingColumns.PARETO_RANK.column();

    /** "SKU name (n); ..." per category, the products with the most tickets first. */
    private static Dataset<Row> topProducts(Dataset<Row> tickets, Dataset<Row> productNames, int limit) {
        String category = ReportColumns.CATEGORY.column();
        String sku = ReportColumns.SKU.column();
        String count = ReportColumns.TICKETS.column();
        Dataset<Row> perProduct = tickets
                .filter(col(TicketColumns.SKU.header()).isNotNull().and(col(ClassifiedColumns.CATEGORY.column()).isNotNull()))
                .groupBy(col(ClassifiedColumns.CATEGORY.column()).as(category), col(TicketColumns.SKU.header()).as(sku))
                .agg(count("*").as(count))
                .withColumn(WorkingColumns.RANK.column(), row_number().over(Window.partitionBy(category).orderBy(desc(count), col(sku))))
                .filter(col(WorkingColumns.RANK.column()).leq(limit))
                .join(productNames, sku, "left");
        Column label = concat(col(sku),
                coalesce(concat(lit(" "), col(ReportColumns.PRODUCT.column())), lit("")),
                lit(" ("), col(count).cast(DataTypes.StringType), lit(")"));
        return perProduct
                .groupBy(category)
                .agg(sort_array(collect_list(struct(col(WorkingColumns.RANK.column()), label.as(WorkingColumns.LABEL.column())))).as(WorkingColumns.RANKED.column()))
                .select(col(category),
                        array_join(transform(col(WorkingColumns.RANKED.column()), r -> r.getField(WorkingColumns.LABEL.column())), "; ")
                                .as(ReportColumns.TOP_PRODUCTS.column()));
    }
}
