package nl.defenceline.classify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.defenceline.schema.ClassifiedColumns;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Adds the {@link ClassifiedColumns} to each row of a Dataset, one {@link TextClassifier} per partition. */
public final class DatasetClassifier {

    /** Longer texts are cut: the first 20,000 characters say what a message is about, a 10 MB paste says nothing more. */
    static final int MAX_TEXT = 20_000;

    private DatasetClassifier() {
    }

    /**
     * Classifies the text in {@code textColumns} (joined by newlines, blanks skipped). Rows with no text at all get
     * null classification columns, so they are visibly unclassified rather than guessed.
     *
     * @param minConfidence below this probability of the best category, the row's category is UNCERTAIN
     */
    public static Dataset<Row> classify(Dataset<Row> rows, List<String> textColumns,
                                        Broadcast<ClassifierFactory> factory, double minConfidence) {
        StructType in = rows.schema();
        StructType out = in;
        for (ClassifiedColumns column : ClassifiedColumns.values()) {
            out = out.add(column.column(), column.type(), true);
        }
        int[] textFields = textColumns.stream().mapToInt(in::fieldIndex).toArray();
        int width = in.size();
        StructType schema = out;
        int size = schema.size();
        int category = schema.fieldIndex(ClassifiedColumns.CATEGORY.column());
        int confidence = schema.fieldIndex(ClassifiedColumns.CONFIDENCE.column());
        int predicted = schema.fieldIndex(ClassifiedColumns.PREDICTED.column());
        int runnerUp = schema.fieldIndex(ClassifiedColumns.RUNNER_UP.column());
        int runnerUpConfidence = schema.fieldIndex(ClassifiedColumns.RUNNER_UP_CONFIDENCE.column());
        int language = schema.fieldIndex(ClassifiedColumns.LANGUAGE.column());
        int words = schema.fieldIndex(ClassifiedColumns.WORDS.column());
        int contentKey = schema.fieldIndex(ClassifiedColumns.CONTENT_KEY.column());
        MapPartitionsFunction<Row, Row> perPartition = partition -> {
            TextClassifier classifier = factory.value().create();
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
                    String text = textOf(row, textFields);
                    if (!text.isBlank()) {
                        Classification result = classifier.classify(
                                text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
                        Category counted = result.probability() < minConfidence ? Category.UNCERTAIN : result.category();
                        values[category] = counted.name();
                        values[confidence] = result.probability();
                        values[predicted] = result.category().name();
                        values[runnerUp] = result.runnerUp().name();
                        values[runnerUpConfidence] = result.runnerUpProbability();
                        values[language] = result.language();
                        values[words] = result.words();
                        values[contentKey] = result.contentKey();
                    }
                    return RowFactory.create(values);
                }
            };
        };
        return rows.mapPartitions(perPartition, Encoders.row(out));
    }

    /** The text a row is classified on: its text columns joined by newlines. */
    public static String textOf(Row row, int[] textFields) {
        List<String> parts = new ArrayList<>(textFields.length);
        for (int field : textFields) {
            if (!row.isNullAt(field)) {
                parts.add(row.getString(field));
            }
        }
        return String.join("\n", parts);
    }
}
