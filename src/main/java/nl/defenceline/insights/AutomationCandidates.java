package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udaf;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.TreeSet;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Categories whose tickets are frequent, short and alike: candidates for an FAQ entry or a self-service answer.
 * Two tickets are near-duplicates when their cleaned texts have the same set of content words.
 */
public final class AutomationCandidates {

    /** A category is frequent from this share of all tickets. */
    static final double MIN_SHARE = 0.10;
    /** Short: at most this many words in the median ticket. */
    static final int MAX_MEDIAN_WORDS = 25;
    /** Alike: at least this share of its tickets have a near-duplicate. */
    static final double MIN_NEAR_DUPLICATE_SHARE = 0.30;

    /** Words and signature from one tokenisation: cleaning is the expensive part at a million tickets. */
    private static final UserDefinedFunction WORDS_AND_SIGNATURE = udf((String text) -> {
        String[] tokens = TextCleaner.tokens(text == null ? "" : text);
        return org.apache.spark.sql.RowFactory.create(tokens.length, signature(tokens));
    }, new org.apache.spark.sql.types.StructType().add(WorkingColumns.WORDS.column(), DataTypes.IntegerType).add(WorkingColumns.SIGNATURE.column(), DataTypes.StringType));

    /** Examples: the three shortest texts of a category. */
    private static final UserDefinedFunction SHORTEST_THREE = udaf(new ShortestTexts(3),
            Encoders.tuple(Encoders.INT(), Encoders.STRING()));

    private AutomationCandidates() {
    }

    /** The sorted set of a text's content words (three letters or more): word order and small words do not matter. */
    public static String signature(String text) {
        return signature(TextCleaner.tokens(text == null ? "" : text));
    }

    private static String signature(String[] tokens) {
        return String.join(" ", new TreeSet<>(Arrays.stream(tokens).filter(t -> t.length() >= 3).toList()));
    }

    /**
     * Columns: category, tickets, share, median_words, near_duplicate_share, candidate, examples (up to three texts,
     * shortest first, unredacted: the writer redacts them). Candidates first.
     */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets) {
        String category = ReportColumns.CATEGORY.column();
        String tickets = ReportColumns.TICKETS.column();
        Column text = concat_ws("\n",
                col(TicketColumns.SUBJECT.header()), col(TicketColumns.BODY.header()));
        Dataset<Row> rows = classifiedTickets
                .withColumn(category, col(ClassifiedColumns.CATEGORY.column()))
                .withColumn(WorkingColumns.TEXT.column(), text)
                .withColumn(WorkingColumns.TOKENS.column(), WORDS_AND_SIGNATURE.apply(col(WorkingColumns.TEXT.column())))
                .withColumn(WorkingColumns.WORDS.column(), col(WorkingColumns.TOKENS.column()).getField(WorkingColumns.WORDS.column()))
                .withColumn(WorkingColumns.SIGNATURE.column(), col(WorkingColumns.TOKENS.column()).getField(WorkingColumns.SIGNATURE.column()));
        // Tickets with a near-duplicate, counted from the signatures alone (the texts are not shuffled)
        Dataset<Row> alike = rows.groupBy(col(category), col(WorkingColumns.SIGNATURE.column())).agg(count("*").as(WorkingColumns.COPIES.column()))
                .groupBy(category)
                .agg(coalesce(sum(when(col(WorkingColumns.COPIES.column()).gt(1), col(WorkingColumns.COPIES.column()))), lit(0L)).as(WorkingColumns.ALIKE_COUNT.column()));
        Column share = col(tickets).divide(sum(col(tickets)).over(Window.partitionBy()));
        Column nearDuplicates = round(col(WorkingColumns.ALIKE_COUNT.column()).divide(col(tickets)), 4);
        return rows.groupBy(category)
                .agg(count("*").as(tickets),
                        Percentiles.nearestRank(WorkingColumns.WORDS.column(), 0.5).cast(DataTypes.IntegerType)
                                .as(ReportColumns.MEDIAN_WORDS.column()),
                        SHORTEST_THREE.apply(col(WorkingColumns.WORDS.column()), col(WorkingColumns.TEXT.column())).as(ReportColumns.EXAMPLES.column()))
                .join(alike, category)
                .withColumn(ReportColumns.SHARE.column(), round(share, 4))
                .withColumn(ReportColumns.NEAR_DUPLICATE_SHARE.column(), nearDuplicates)
                .withColumn(ReportColumns.CANDIDATE.column(), col(ReportColumns.SHARE.column()).geq(MIN_SHARE)
                        .and(col(ReportColumns.MEDIAN_WORDS.column()).leq(MAX_MEDIAN_WORDS))
                        .and(col(ReportColumns.NEAR_DUPLICATE_SHARE.column()).geq(MIN_NEAR_DUPLICATE_SHARE)))
                .select(col(category), col(tickets), col(ReportColumns.SHARE.column()),
                        col(ReportColumns.MEDIAN_WORDS.column()), col(ReportColumns.NEAR_DUPLICATE_SHARE.column()),
                        col(ReportColumns.CANDIDATE.column()), col(ReportColumns.EXAMPLES.column()))
                .orderBy(desc(ReportColumns.CANDIDATE.column()), desc(tickets), col(category));
    }
}
