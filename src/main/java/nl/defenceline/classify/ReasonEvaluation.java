package nl.defenceline.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision, recall and F1 per return reason and macro-averaged, from a confusion matrix of expected against
 * predicted reasons; with the verdicts' probabilities also what a confidence threshold keeps and how often it is right.
 */
public final class ReasonEvaluation {

    private static final int N = ReturnReason.values().length;

    private final long[][] confusion = new long[N][N];
    private final List<Double> confidences = new ArrayList<>();
    private final List<Boolean> correct = new ArrayList<>();

    /** Counts one labelled comment with a predicted reason, without a probability (e.g. a keyword rule). */
    public void add(ReturnReason expected, ReturnReason predicted) {
        confusion[expected.ordinal()][predicted.ordinal()]++;
    }

    /** Counts one labelled comment with the model's verdict and its probability. */
    public void add(ReturnReason expected, ReasonVerdict verdict) {
        add(expected, verdict.reason());
        confidences.add(verdict.probability());
        correct.add(verdict.reason() == expected);
    }

    public long count(ReturnReason expected, ReturnReason predicted) {
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

    public long support(ReturnReason reason) {
        long n = 0;
        for (long c : confusion[reason.ordinal()]) {
            n += c;
        }
        return n;
    }

    public double precision(ReturnReason reason) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[reason.ordinal()];
        }
        return predicted == 0 ? 0 : (double) confusion[reason.ordinal()][reason.ordinal()] / predicted;
    }

    public double recall(ReturnReason reason) {
        long expected = support(reason);
        return expected == 0 ? 0 : (double) confusion[reason.ordinal()][reason.ordinal()] / expected;
    }

    public double f1(ReturnReason reason) {
        double p = precision(reason);
        double r = recall(reason);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < N; i++) {
            right += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    /** Mean F1 over the reasons that occur in the expected labels. */
    public double macroF1() {
        double sum = 0;
        int reasons = 0;
        for (ReturnReason reason : ReturnReason.values()) {
            if (support(reason) > 0) {
                sum += f1(reason);
                reasons++;
            }
        }
        return reasons == 0 ? 0 : sum / reasons;
    }

    /** Share of the verdicts less probable than {@code threshold}: the comments that would not decide a reason. */
    public double uncertainShare(double threshold) {
        long below = confidences.stream().filter(c -> c < threshold).count();
        return confidences.isEmpty() ? 0 : (double) below / confidences.size();
    }

    /** Accuracy of the verdicts at or above {@code threshold}. */
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

    /** A plain-text table of the per-reason figures and the confusion matrix. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-17s %9s %9s %9s %8s%n", "reason", "precision", "recall", "f1",
                "support"));
        for (ReturnReason r : ReturnReason.values()) {
            out.append(String.format(Locale.ROOT, "%-17s %9.3f %9.3f %9.3f %8d%n", r.name(), precision(r), recall(r),
                    f1(r), support(r)));
        }
        out.append(String.format(Locale.ROOT, "accuracy: %.3f over %d comments%n%n", accuracy(), total()));
        out.append("confusion matrix (rows: expected, columns: predicted)\n");
        out.append(String.format(Locale.ROOT, "%-17s", ""));
        for (ReturnReason r : ReturnReason.values()) {
            out.append(String.format(Locale.ROOT, " %8.8s", r.name()));
        }
        out.append('\n');
        for (ReturnReason e : ReturnReason.values()) {
            out.append(String.format(Locale.ROOT, "%-17s", e.name()));
            for (ReturnReason p : ReturnReason.values()) {
                out.append(String.format(Locale.ROOT, " %8d", count(e, p)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
