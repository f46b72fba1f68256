package nl.defenceline.classify;

import java.util.List;
import java.util.Locale;

/** Precision, recall and F1 per category and macro-averaged, from a confusion matrix of expected vs predicted. */
public final class Evaluation {

    private final long[][] confusion = new long[Category.values().length][Category.values().length];

    /** The classifier's categories for the given texts against their labels. */
    public static Evaluation of(TextClassifier classifier, List<LabeledText> texts) {
        Evaluation evaluation = new Evaluation();
        for (LabeledText text : texts) {
            evaluation.add(text.category(), classifier.classify(text.text()).category());
        }
        return evaluation;
    }

    /** Counts one labelled text. */
    public void add(Category expected, Category predicted) {
        confusion[expected.ordinal()][predicted.ordinal()]++;
    }

    /** Adds another evaluation's counts, e.g. the folds of a cross-validation. */
    public void addAll(Evaluation other) {
        for (int e = 0; e < confusion.length; e++) {
            for (int p = 0; p < confusion.length; p++) {
                confusion[e][p] += other.confusion[e][p];
            }
        }
    }

    public long count(Category expected, Category predicted) {
        return confusion[expected.ordinal()][predicted.ordinal()];
    }

    public long total() {
        long total = 0;
        for (long[] row : confusion) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    public double precision(Category c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c.ordinal()];
        }
        return predicted == 0 ? 0 : (double) confusion[c.ordinal()][c.ordinal()] / predicted;
    }

    public double recall(Category c) {
        long expected = support(c);
        return expected == 0 ? 0 : (double) confusion[c.ordinal()][c.ordinal()] / expected;
    }

    public long support(Category c) {
        long expected = 0;
        for (long n : confusion[c.ordinal()]) {
            expected += n;
        }
        return expected;
    }

    public double f1(Category c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) correct / total();
    }

    /** Mean F1 over the categories that occur in the expected labels. */
    public double macroF1() {
        double sum = 0;
        int categories = 0;
        for (Category c : Category.trainedValues()) {
            if (support(c) > 0) {
                sum += f1(c);
                categories++;
            }
        }
        return categories == 0 ? 0 : sum / categories;
    }

    /** A plain-text table of the per-category figures and the confusion matrix. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %9s %9s %9s %8s%n", "category", "precision", "recall", "f1", "support"));
        for (Category c : Category.trainedValues()) {
            out.append(String.format(Locale.ROOT, "%-14s %9.3f %9.3f %9.3f %8d%n",
                    c.name(), precision(c), recall(c), f1(c), support(c)));
        }
        out.append(String.format(Locale.ROOT, "accuracy: %.3f over %d texts%n%n", accuracy(), total()));
        out.append("confusion matrix (rows: expected, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-14s", ""));
        for (Category c : Category.trainedValues()) {
            out.append(String.format(Locale.ROOT, " %8.8s", c.name()));
        }
        out.append('\n');
        for (Category e : Category.trainedValues()) {
            out.append(String.format(Locale.ROOT, "%-14s", e.name()));
            for (Category p : Category.trainedValues()) {
                out.append(String.format(Locale.ROOT, " %8d", count(e, p)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
