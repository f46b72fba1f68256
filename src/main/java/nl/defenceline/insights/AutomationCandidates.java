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
import static org.apache.spark.sql.functions.when;

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
 * Two tickets are near-duplicates when their cleaned texts have the same set of content words (the same
 * {@link nl.defenceline.schema.ClassifiedColumns#CONTENT_KEY}).
 */
public final class AutomationCandidates {

    /** A category is frequent from this share of all tickets. */
    static final double MIN_SHARE = 0.10;
    /** Short: at most this many words in the median ticket. */
    static final int MAX_MEDIAN_WORDS = 25;
    /** Alike: at least this share of its tickets have a near-duplicate. */
    static final double MIN_NEAR_DUPLICATE_SHARE = 0.30;

    /** Examples: the three shortest texts of a category. */
    private static final UserDefinedFunction SHORTEST_THREE = udaf(new ShortestTexts(3),
            Encoders.tuple(Encoders.INT(), Encoders.STRING()));

    private AutomationCandidates() {
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
        // The words and the content key come with the classification: cleaning is the expensive part at a million
        // tickets, and classification has done it already
        String words = ClassifiedColumns.WORDS.column();
        String key = ClassifiedColumns.CONTENT_KEY.column();
        Dataset<Row> rows = classifiedTickets
                .withColumn(category, col(ClassifiedColumns.CATEGORY.column()))
                .withColumn(WorkingColumns.TEXT.column(), text);
        // Tickets with a near-duplicate, counted from the keys alone (the texts are not shuffled)
        Dataset<Row> alike = rows.groupBy(col(category), col(key)).agg(count("*").as(WorkingColumns.COPIES.column()))
                .groupBy(category)
                .agg(coalesce(sum(when(col(WorkingColumns.COPIES.column()).gt(1), col(WorkingColumns.COPIES.column()))), lit(0L)).as(WorkingColumns.ALIKE_COUNT.column()));
        Column share = col(tickets).divide(sum(col(tickets)).over(Window.partitionBy()));
        Column nearDuplicates = round(col(WorkingColumns.ALIKE_COUNT.column()).divide(col(tickets)), 4);
        return rows.groupBy(category)
                .agg(count("*").as(tickets),
                        Percentiles.nearestRank(words, 0.5).cast(DataTypes.IntegerType)
                                .as(ReportColumns.MEDIAN_WORDS.column()),
                        SHORTEST_THREE.apply(col(words), col(WorkingColumns.TEXT.column())).as(ReportColumns.EXAMPLES.column()))
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
