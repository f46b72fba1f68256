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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Adds a category and its probability to each row of a Dataset, one {@link TextClassifier} per partition. */
public final class DatasetClassifier {

    private DatasetClassifier() {
    }

    /**
     * Classifies the text in {@code textColumns} (joined by newlines, blanks skipped). Rows with no text at all get a
     * null category, so they are visibly unclassified rather than guessed.
     */
    public static Dataset<Row> classify(Dataset<Row> rows, List<String> textColumns,
                                        Broadcast<ClassifierFactory> factory) {
        StructType in = rows.schema();
        StructType out = in
                .add(ClassifiedColumns.CATEGORY.column(), DataTypes.StringType, true)
                .add(ClassifiedColumns.CONFIDENCE.column(), DataTypes.DoubleType, true);
        int[] textFields = textColumns.stream().mapToInt(in::fieldIndex).toArray();
        int width = in.size();
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
                    Object[] values = new Object[width + 2];
                    for (int i = 0; i < width; i++) {
                        values[i] = row.get(i);
                    }
                    String text = textOf(row, textFields);
                    if (!text.isBlank()) {
                        Classification result = classifier.classify(text);
                        values[width] = result.category().name();
                        values[width + 1] = result.probability();
                    }
                    return RowFactory.create(values);
                }
            };
        };
        return rows.mapPartitions(perPartition, Encoders.row(out));
    }

    static String textOf(Row row, int[] textFields) {
        List<String> parts = new ArrayList<>(textFields.length);
        for (int field : textFields) {
            if (!row.isNullAt(field)) {
                parts.add(row.getString(field));
            }
        }
        return String.join("\n", parts);
    }
}
