package nl.defenceline.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision, recall and F1 per category and macro-averaged, from a confusion matrix of expected vs predicted (the
 * model's best guess); with the guesses' probabilities also calibration error and what a review threshold costs.
 */
public final class Evaluation {

    /** Bins of the expected calibration error, equally wide over 0..1. */
    private static final int CALIBRATION_BINS = 10;

    private final long[][] confusion = new long[Category.values().length][Category.values().length];
    private final List<Double> confidences = new ArrayList<>();
    private final List<Boolean> correct = new ArrayList<>();

    /** The classifier's categories for the given texts against their labels. */
    public static Evaluation of(TextClassifier classifier, List<LabeledText> texts) {
        Evaluation evaluation = new Evaluation();
        for (LabeledText text : texts) {
            evaluation.add(text.category(), classifier.classify(text.text()));
        }
        return evaluation;
    }

    /** Counts one labelled text without a probability (it does not count towards calibration figures). */
    public void add(Category expected, Category predicted) {
        confusion[expected.ordinal()][predicted.ordinal()]++;
    }

    /** Counts one labelled text with the classifier's verdict and its probability. */
    public void add(Category expected, Classification verdict) {
        add(expected, verdict.category());
        confidences.add(verdict.probability());
        correct.add(verdict.category() == expected);
    }

    /** Adds another evaluation's counts, e.g. the folds of a cross-validation. */
    public void addAll(Evaluation other) {
        for (int e = 0; e < confusion.length; e++) {
            for (int p = 0; p < confusion.length; p++) {
                confusion[e][p] += other.confusion[e][p];
            }
        }
        confidences.addAll(other.confidences);
        correct.addAll(other.correct);
    }

    /**
     * Expected calibration error: over ten equal confidence bins, the texts' share times the gap between the bin's
     * mean probability and its accuracy. 0 means the probabilities say exactly how often the model is right.
     */
    public double calibrationError() {
        double[] confidence = new double[CALIBRATION_BINS];
        double[] right = new double[CALIBRATION_BINS];
        for (int i = 0; i < confidences.size(); i++) {
            int bin = Math.min(CALIBRATION_BINS - 1, (int) (confidences.get(i) * CALIBRATION_BINS));
            confidence[bin] += confidences.get(i);
            right[bin] += correct.get(i) ? 1 : 0;
        }
        double error = 0;
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            error += Math.abs(confidence[b] - right[b]);
        }
        return confidences.isEmpty() ? 0 : error / confidences.size();
    }

    /** Share of the texts whose best category is less probable than {@code threshold}: they would be UNCERTAIN. */
    public double uncertainShare(double threshold) {
        long below = confidences.stream().filter(c -> c < threshold).count();
        return confidences.isEmpty() ? 0 : (double) below / confidences.size();
    }

    /** Accuracy on the texts at or above {@code threshold}: how often a confident verdict is right. */
    public double accuracyFrom(double threshold) {
        long kept = 0;
        long right = 0;
        for (int i = 0; i < confidences.size(); i++) {
            if (confidences.get(i) >= threshold) {
                kept++;
                right += correct.get(i) ? 1 : 0;
            }
        }
        return kept == 0 ? 0 : (double) right / kept;
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
