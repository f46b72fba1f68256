package nl.defenceline.classify;

import java.util.Iterator;
import nl.defenceline.schema.ReasonColumns;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Adds the {@link ReasonColumns} to each return: the comment read by one {@link ReasonClassifier} per partition, the
 * reason decided by {@link ReturnReasonDecision#decide}. Every row gets a reason, with or without a comment.
 */
public final class DatasetReasonClassifier {

    private DatasetReasonClassifier() {
    }

    /**
     * @param codeColumn    the shop's drop-down code
     * @param commentColumn the customer's comment
     * @param minConfidence below this probability a comment does not decide the reason
     */
    public static Dataset<Row> classify(Dataset<Row> returns, String codeColumn, String commentColumn,
                                        Broadcast<ReasonClassifierFactory> factory, double minConfidence) {
        StructType in = returns.schema();
        StructType out = in;
        for (ReasonColumns column : ReasonColumns.values()) {
            out = out.add(column.column(), column.type(), true);
        }
        int code = in.fieldIndex(codeColumn);
        int comment = in.fieldIndex(commentColumn);
        int width = in.size();
        int size = out.size();
        StructType schema = out;
        int reason = schema.fieldIndex(ReasonColumns.REASON.column());
        int from = schema.fieldIndex(ReasonColumns.REASON_FROM.column());
        int read = schema.fieldIndex(ReasonColumns.COMMENT_REASON.column());
        int confidence = schema.fieldIndex(ReasonColumns.COMMENT_CONFIDENCE.column());
        int runnerUp = schema.fieldIndex(ReasonColumns.COMMENT_RUNNER_UP.column());
        int disagrees = schema.fieldIndex(ReasonColumns.COMMENT_DISAGREES.column());
        int language = schema.fieldIndex(ReasonColumns.LANGUAGE.column());
        MapPartitionsFunction<Row, Row> perPartition = partition -> {
            ReasonClassifier classifier = factory.value().create();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return partition.hasNext();
                }

                @Override
                public Row next() {
                    Row row = partition.next();
                    Object[] values = new Object[size];
                    for (int i = 0; i < width; i++) {
                        values[i] = row.get(i);
                    }
                    String text = row.isNullAt(comment) ? "" : row.getString(comment);
                    ReasonVerdict verdict = text.isBlank() ? null : classifier.classify(
                            text.length() > DatasetClassifier.MAX_TEXT ? text.substring(0, DatasetClassifier.MAX_TEXT)
                                    : text);
                    ReturnReasonDecision decision = ReturnReasonDecision.decide(
                            row.isNullAt(code) ? null : row.getString(code), verdict, minConfidence);
                    values[reason] = decision.reason();
                    values[from] = decision.from().label();
                    if (verdict != null) {
                        values[read] = verdict.reason().label();
                        values[confidence] = verdict.probability();
                        values[runnerUp] = verdict.runnerUp().label();
                        values[language] = verdict.language();
                    }
                    values[disagrees] = decision.disagrees();
                    return RowFactory.create(values);
                }
            };
        };
        return returns.mapPartitions(perPartition, Encoders.row(out));
    }
}
