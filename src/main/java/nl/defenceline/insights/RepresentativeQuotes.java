package nl.defenceline.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.defenceline.classify.TextCleaner;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReportColumns;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.WorkingColumns;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tickets the model is surest of per category: typical examples of what customers write, as the customer's own
 * words (no reply history, greeting or signature), at most {@link #MAX_LENGTH} characters. Unredacted.
 */
public final class RepresentativeQuotes {

    static final int MAX_LENGTH = 300;

    private static final StructType CANDIDATES = new StructType()
            .add(ReportColumns.CATEGORY.column(), DataTypes.StringType)
            .add(ReportColumns.QUOTE.column(), DataTypes.StringType)
            .add(ClassifiedColumns.CONFIDENCE.column(), DataTypes.DoubleType);

    /** Highest confidence first, a missing one last (a static field: a comparator captured by a task must serialise). */
    private static final Comparator<Row> SUREST_FIRST = Comparator.comparing(RepresentativeQuotes::confidence,
            Comparator.nullsLast(Comparator.reverseOrder()));

    private RepresentativeQuotes() {
    }

    /** Columns: category, quote (subject and body); at most {@code perCategory} per category, surest first. */
    public static Dataset<Row> compute(Dataset<Row> classifiedTickets, int perCategory) {
        String category = ReportColumns.CATEGORY.column();
        String quote = ReportColumns.QUOTE.column();
        // The body is the customer's message; the subject only when there is no body. Equal quotes show once.
        return classifiedTickets
                .select(col(ClassifiedColumns.CATEGORY.column()),
                        coalesce(col(TicketColumns.BODY.header()), col(TicketColumns.SUBJECT.header())),
                        col(ClassifiedColumns.CONFIDENCE.column()))
                .mapPartitions(surestPerPartition(perCategory), Encoders.row(CANDIDATES))
                .groupBy(category, quote).agg(max(ClassifiedColumns.CONFIDENCE.column()).as(WorkingColumns.CONFIDENCE.column()))
                .withColumn(WorkingColumns.RANK.column(), row_number().over(Window.partitionBy(category)
                        .orderBy(desc(WorkingColumns.CONFIDENCE.column()), col(quote))))
                .filter(col(WorkingColumns.RANK.column()).leq(perCategory))
                .orderBy(col(category), col(WorkingColumns.RANK.column()))
                .select(col(category), col(quote));
    }

    /**
     * Per category, each distinct quote of the partition with its highest confidence, from the surest row down to the
     * confidence at which the partition has {@code perCategory} distinct quotes (that confidence's rows all included):
     * the customer's own words are worked out for those rows only, not for every ticket. The result is the same as
     * ranking every quote: a quote among the overall top {@code perCategory} is outranked in its own partition only by
     * quotes that outrank it overall, so it is among that partition's top {@code perCategory}, with its highest
     * confidence. Rows are (category, text, confidence); a missing confidence comes last, as in the ranking. The
     * partition's rows are held to sort them (three columns; at a million tickets on two cores about 250,000 rows).
     */
    static MapPartitionsFunction<Row, Row> surestPerPartition(int perCategory) {
        return partition -> {
            Map<String, List<Row>> byCategory = new HashMap<>();
            partition.forEachRemaining(row -> byCategory.computeIfAbsent(row.getString(0), c -> new ArrayList<>())
                    .add(row));
            List<Row> candidates = new ArrayList<>();
            byCategory.forEach((category, rows) -> {
                rows.sort(SUREST_FIRST);
                Set<String> quotes = new HashSet<>();
                int next = 0;
                while (next < rows.size() && quotes.size() < perCategory) {
                    Double confidence = confidence(rows.get(next));
                    while (next < rows.size() && Objects.equals(confidence(rows.get(next)), confidence)) {
                        String quote = quote(rows.get(next).getString(1));
                        if (quotes.add(quote)) {
                            candidates.add(RowFactory.create(category, quote, confidence));
                        }
                        next++;
                    }
                }
            });
            return candidates.iterator();
        };
    }

    private static Double confidence(Row row) {
        return row.isNullAt(2) ? null : row.getDouble(2);
    }

    /** The customer's own words on one line, cut to {@link #MAX_LENGTH} characters; null for a ticket without text. */
    static String quote(String text) {
        if (text == null) {
            return null;
        }
        String own = RecurringThemes.oneLine(TextCleaner.ownMessage(text));
        return own.length() > MAX_LENGTH ? own.substring(0, MAX_LENGTH - 1) + "…" : own;
    }
}
