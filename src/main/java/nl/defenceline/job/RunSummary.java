package nl.defenceline.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.defenceline.classify.ReturnReasonDecision;
import nl.defenceline.ingest.Ingested;
import nl.defenceline.schema.ClassifiedColumns;
import nl.defenceline.schema.ReasonColumns;
import nl.defenceline.schema.Source;
import nl.defenceline.schema.SourceColumn;
import nl.defenceline.schema.TicketColumns;
import nl.defenceline.schema.ValueType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What run-summary.json says about a run, written by Jackson with snake_case keys in this order; and the
 * aggregates over the data it reports.
 *
 * @param window          first and last timestamp over all inputs, in the shop's zone
 * @param inputs          per input file name: rows read, used and rejected
 * @param ignoredFiles    files in the export folder that fit no source, with why
 * @param tooManyRejects  inputs whose share of rejected rows is above --max-reject-share, with that share
 * @param returnReasonModel the version of the return-reason model
 * @param classified      per source, rows per counted category ("no_text" for rows without text); for returns, rows
 *                        per reason
 * @param returnReasons   how the returns' reasons were decided
 * @param languages       per source, rows per detected language
 * @param reports         the files written, relative to the report folder
 * @param notAvailable    reports the export lacks the input for, with the note their file holds
 * @param warnings        what the user should know about how the run was done, e.g. a model scored the slow way
 */
public record RunSummary(Run run, String modelVersion, String returnReasonModel, Window window,
                         Map<String, Input> inputs, Map<String, String> ignoredFiles, Map<String, Double> tooManyRejects,
                         Map<String, Map<String, Long>> classified, ReturnReasons returnReasons, double minConfidence,
                         String calibration,
                         String shareEstimate, Map<String, Map<String, Long>> languages, List<String> reports,
                         Map<String, String> notAvailable, List<String> warnings, double durationSeconds) {

    /** What the publishing steps produced, for the summary. */
    record Outputs(List<String> written, Map<String, String> notAvailable, List<String> warnings) {
    }

    /**
     * The settings of the run.
     *
     * @param mapping   the forced column mapping, or "detected per file"
     * @param startedAt ISO-8601 with the shop's offset
     */
    public record Run(String input, String output, String timezone, String language, int minRecurrence,
                      String mapping, double maxRejectShare, String startedAt) {
    }

    /** First and last timestamp, ISO-8601 with the shop's offset; null when there is none. */
    public record Window(String first, String last) {
    }

    /**
     * The accounting of one input: {@code rowsRead == rowsUsed + rowsRejected}.
     *
     * @param rejectsFile the file with the rejected rows, or null when there are none
     * @param files       the files read, each with the mapping used
     */
    public record Input(long rowsRead, long rowsUsed, long rowsRejected, String rejectsFile, List<String> files) {
    }

    /**
     * How the returns' reasons were decided.
     *
     * @param decidedBy     returns per {@code ReturnReasonDecision.From}: code, comment, shop_code, none
     * @param disagreements returns whose specific code a confident comment contradicts (the code counts)
     * @param minConfidence the return-reason model's probability from which a comment decides
     */
    public record ReturnReasons(Map<String, Long> decidedBy, long disagreements, double minConfidence) {
    }

    /** How the returns' reasons were decided (one aggregate). */
    static ReturnReasons returnReasons(Dataset<Row> returns) {
        Map<String, Long> decidedBy = new LinkedHashMap<>();
        for (ReturnReasonDecision.From from : ReturnReasonDecision.From.values()) {
            decidedBy.put(from.label(), 0L);
        }
        long disagreements = 0;
        String from = ReasonColumns.REASON_FROM.column();
        for (Row row : returns.groupBy(col(from)).agg(count("*"),
                sum(when(col(ReasonColumns.COMMENT_DISAGREES.column()), 1).otherwise(0))).collectAsList()) {
            decidedBy.put(row.getString(0), row.getLong(1));
            disagreements += row.getLong(2);
        }
        return new ReturnReasons(decidedBy, disagreements, ReturnReasonDecision.MIN_CONFIDENCE);
    }

    /**
     * Per source, the number of rows per value of its classification column (the category; the reason for returns)
     * and per language ("no_text" for unclassified rows), in value order, "no_text" first; both from one aggregate
     * per source.
     */
    record Counts(Map<String, Map<String, Long>> categories, Map<String, Map<String, Long>> languages) {
    }

    static Counts counts(Map<Source, Dataset<Row>> classified, Function<Source, String> columnOf) {
        Map<String, Map<String, Long>> categories = new LinkedHashMap<>();
        Map<String, Map<String, Long>> languages = new LinkedHashMap<>();
        classified.forEach((source, rows) -> {
            Map<String, Long> byCategory = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            Map<String, Long> byLanguage = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
            for (Row row : rows.groupBy(columnOf.apply(source), ClassifiedColumns.LANGUAGE.column())
                    .agg(count("*")).collectAsList()) {
                byCategory.merge(row.getString(0), row.getLong(2), Long::sum);
                byLanguage.merge(row.getString(1), row.getLong(2), Long::sum);
            }
            categories.put(source.fileStem(), noText(byCategory));
            languages.put(source.fileStem(), noText(byLanguage));
        });
        return new Counts(categories, languages);
    }

    private static Map<String, Long> noText(Map<String, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((value, n) -> named.put(value == null ? "no_text" : value, n));
        return named;
    }

    /**
     * First and last timestamp over all inputs (one aggregate per source), in the shop's zone; a source's rows are
     * read from its cached classified rows when it has them.
     */
    static Window window(Map<Source, Ingested> ingested, Map<Source, Dataset<Row>> classified, ZoneId zone) {
        Instant first = null;
        Instant last = null;
        for (Ingested input : ingested.values()) {
            List<Column> bounds = new ArrayList<>();
            for (SourceColumn column : input.source().columns()) {
                // When something happened, not when it was answered: those follow from the tickets.
                if (column.type() == ValueType.TIMESTAMP && column != TicketColumns.FIRST_RESPONSE_AT
                        && column != TicketColumns.RESOLVED_AT) {
                    bounds.add(min(column.header()));
                    bounds.add(max(column.header()));
                }
            }
            if (bounds.isEmpty()) {
                continue;
            }
            Dataset<Row> rows = classified.getOrDefault(input.source(), input.rows());
            Row row = rows.agg(bounds.get(0), bounds.subList(1, bounds.size()).toArray(Column[]::new)).first();
            for (int i = 0; i < row.size(); i += 2) {
                if (!row.isNullAt(i)) {
                    Instant lo = ((Timestamp) row.get(i)).toInstant();
                    Instant hi = ((Timestamp) row.get(i + 1)).toInstant();
                    first = first == null || lo.isBefore(first) ? lo : first;
                    last = last == null || hi.isAfter(last) ? hi : last;
                }
            }
        }
        return new Window(zoned(first, zone), zoned(last, zone));
    }

    /** ISO-8601 with the zone's offset, or null. */
    static String zoned(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
