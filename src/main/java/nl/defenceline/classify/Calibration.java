package nl.defenceline.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a model learnt about itself on real labelled text it was not trained on: a temperature that makes its
 * probabilities mean what they say, a log-bias per category (for macro-F1, or for a shop's model towards the shop's
 * own mix of categories), the confidence threshold below which a text goes to review, and its confusion matrix (true
 * category x best guess), which turns counted best guesses into estimated shares.
 *
 * @param temperature   probabilities become {@code p^(1/T)}, renormalised; 1 leaves them as the model gives them
 * @param minConfidence the threshold recommended for UNCERTAIN, chosen on the calibration texts
 * @param confusion     counts per true category (rows) and best guess (columns), in {@link Category#trainedValues()}
 *                      order; all zero when the model was not calibrated
 * @param texts         how many labelled texts the figures were fitted on (0: not calibrated)
 * @param shopTexts     how many of them are the shop's own labelled texts, on which alone {@code confusion} was then
 *                      measured; 0 when the confusion matrix comes from public texts. Runs count best guesses either way;
 *                      {@code evaluate} compares the correction with the matrix against counting
 * @param bias          added to each category's log-probability after the temperature, in
 *                      {@link Category#trainedValues()} order: chosen for macro-F1 on the calibration texts, or for a
 *                      model trained with the shop's labels fitted to the shop's mix
 */
public record Calibration(double temperature, double minConfidence, long[][] confusion, int texts, int shopTexts,
                          double[] bias) implements Serializable {

    /** The default threshold of a model that was not calibrated. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    /** Temperatures searched when fitting; outside this the model would be nearly uniform or nearly one-hot. */
    private static final double MIN_TEMPERATURE = 0.05;
    private static final double MAX_TEMPERATURE = 20;

    /** The target of the threshold: the texts that are not UNCERTAIN are at least this often right. */
    public static final double TARGET_ACCURACY = 0.90;

    /** The lowest threshold chosen: below it a calibrated verdict is more likely wrong than right. */
    public static final double MORE_LIKELY_RIGHT = 0.5;

    /** At most this share of texts goes to review, whatever the accuracy above the threshold. */
    public static final double MAX_UNCERTAIN_SHARE = 0.15;

    /**
     * The weight of a zero-mean Gaussian prior on the shop's log-biases: it keeps a category the shop's labels hardly
     * have (or lack) from being ruled out for good on a few dozen labels.
     */
    static final double BIAS_PRIOR = 1.0;

    /** The biases tried per category by {@link #macroF1Bias}: -3 to 3 in steps of 0.2, in three rounds. */
    private static final double BIAS_STEP = 0.2;
    private static final int BIAS_STEPS = 15;
    private static final int BIAS_ROUNDS = 3;

    public Calibration {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        if (bias.length != Category.trainedValues().size()) {
            throw new IllegalArgumentException("one bias per trained category expected, got " + bias.length);
        }
    }

    /** A calibration without a bias. */
    public Calibration(double temperature, double minConfidence, long[][] confusion, int texts, int shopTexts) {
        this(temperature, minConfidence, confusion, texts, shopTexts, new double[Category.trainedValues().size()]);
    }

    /** A model's own probabilities, the fixed default threshold and no confusion matrix. */
    public static Calibration none() {
        int n = Category.trainedValues().size();
        return new Calibration(1.0, DEFAULT_MIN_CONFIDENCE, new long[n][n], 0, 0);
    }

    /** Whether this was fitted on labelled texts. */
    public boolean fitted() {
        return texts > 0;
    }

    /**
     * Applies the temperature and the bias to a probability vector, in place; returns it.
     *
     * @param categoryOfOutcome for each entry of {@code probabilities}, its category's index in
     *                          {@link Category#trainedValues()}
     */
    public double[] apply(double[] probabilities, int[] categoryOfOutcome) {
        if (!biased()) {
            return temperature == 1.0 ? probabilities : soften(probabilities, temperature);
        }
        double[] outcomeBias = new double[probabilities.length];
        for (int i = 0; i < outcomeBias.length; i++) {
            outcomeBias[i] = bias[categoryOfOutcome[i]];
        }
        return soften(probabilities, temperature, outcomeBias);
    }

    /** Whether a bias moves the probabilities. */
    public boolean biased() {
        // A loop, not a stream: apply() asks this for every text classified.
        for (double b : bias) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fits a calibration on scored labelled texts: the temperature with the lowest negative log-likelihood, then a
     * log-bias per category for the highest macro-F1 ({@link #macroF1Bias}), then the threshold and the confusion
     * matrix under both.
     *
     * @param distributions each text's probabilities from the uncalibrated model, in trained-category order
     * @param truth         each text's true category
     */
    public static Calibration fit(List<double[]> distributions, List<Category> truth) {
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("no texts to calibrate on");
        }
        double temperature = fitTemperature(distributions, truth);
        List<Category> trained = Category.trainedValues();
        int[] labels = truth.stream().mapToInt(trained::indexOf).toArray();
        double[] bias = macroF1Bias(logits(distributions, temperature), labels);
        List<double[]> calibrated = distributions.stream().map(d -> soften(d.clone(), temperature, bias)).toList();
        double[] confidences = new double[calibrated.size()];
        boolean[] correct = new boolean[calibrated.size()];
        for (int i = 0; i < calibrated.size(); i++) {
            int best = argmax(calibrated.get(i));
            confidences[i] = calibrated.get(i)[best];
            correct[i] = best == labels[i];
        }
        return new Calibration(temperature, threshold(confidences, correct), confusion(calibrated, truth),
                distributions.size(), 0, bias);
    }

    /**
     * The log-bias per category under which the best guesses have the highest macro-F1 on these texts, found by
     * changing one category's bias at a time (a few rounds over a grid, keeping only strict gains, so no bias
     * without a gain). The model is trained mostly on texts written for it, in which every category is about as
     * frequent; on real text it guesses some categories too often (TERMS, DELIVERY) and others too rarely (OTHER, STOCK). Chosen by
     * training without one real source at a time: mean macro-F1 over the six sources 0.645 against 0.622 without
     * a bias, and 0.634 with a bias fitted by likelihood instead (see the training README).
     */
    static double[] macroF1Bias(double[][] logits, int[] labels) {
        int k = Category.trainedValues().size();
        double[] bias = new double[k];
        double best = macroF1(logits, labels, bias);
        for (int round = 0; round < BIAS_ROUNDS; round++) {
            for (int c = 0; c < k; c++) {
                double kept = bias[c];
                for (int step = -BIAS_STEPS; step <= BIAS_STEPS; step++) {
                    bias[c] = step * BIAS_STEP;
                    double f1 = macroF1(logits, labels, bias);
                    if (f1 > best + 1e-9) {
                        best = f1;
                        kept = bias[c];
                    }
                }
                bias[c] = kept;
            }
        }
        return bias;
    }

    /** Macro-F1 of the best guesses under {@code bias}, over the categories that occur among the labels. */
    private static double macroF1(double[][] logits, int[] labels, double[] bias) {
        int k = bias.length;
        long[] truePositives = new long[k];
        long[] guessed = new long[k];
        long[] support = new long[k];
        for (int i = 0; i < logits.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logits[i][c] + bias[c] > logits[i][best] + bias[best]) {
                    best = c;
                }
            }
            guessed[best]++;
            support[labels[i]]++;
            truePositives[best] += best == labels[i] ? 1 : 0;
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (support[c] > 0) {
                present++;
                double precision = guessed[c] == 0 ? 0 : (double) truePositives[c] / guessed[c];
                double recall = (double) truePositives[c] / support[c];
                sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
        }
        return sum / present;
    }

    /** log p / T per text, in trained-category order. */
    private static double[][] logits(List<double[]> distributions, double temperature) {
        double[][] logits = new double[distributions.size()][];
        for (int i = 0; i < logits.length; i++) {
            double[] p = distributions.get(i);
            logits[i] = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                logits[i][c] = Math.log(Math.max(p[c], 1e-300)) / temperature;
            }
        }
        return logits;
    }

    /**
     * The same calibration with a log-bias per category fitted on the shop's own labelled texts, by likelihood under
     * this temperature with a Gaussian prior ({@link #BIAS_PRIOR}); the threshold is then chosen on those texts
     * alone, and the confusion matrix too when {@code confusionFromShop}. The shop's mix of categories is what
     * differs most from the bundled texts', and a bias is what moves a model to another mix.
     *
     * @param distributions the shop's texts' probabilities from models that were not trained on them
     */
    public Calibration withShopBias(List<double[]> distributions, List<Category> truth, boolean confusionFromShop) {
        List<Category> trained = Category.trainedValues();
        int[] labels = truth.stream().mapToInt(trained::indexOf).toArray();
        double[] fitted = fitBias(logits(distributions, temperature), labels, BIAS_PRIOR);
        Calibration biased = new Calibration(temperature, minConfidence, confusion, texts, shopTexts, fitted);
        List<double[]> calibrated = distributions.stream()
                .map(d -> biased.apply(d.clone(), identity(trained.size()))).toList();
        double[] confidences = new double[calibrated.size()];
        boolean[] correct = new boolean[calibrated.size()];
        for (int i = 0; i < calibrated.size(); i++) {
            int best = argmax(calibrated.get(i));
            confidences[i] = calibrated.get(i)[best];
            correct[i] = best == labels[i];
        }
        return new Calibration(temperature, threshold(confidences, correct),
                confusionFromShop ? confusion(calibrated, truth) : confusion, texts,
                confusionFromShop ? truth.size() : shopTexts, fitted);
    }

    private static int[] identity(int n) {
        int[] identity = new int[n];
        Arrays.setAll(identity, i -> i);
        return identity;
    }

    /**
     * The bias that minimises the negative log-likelihood of the labels under softmax(logits + bias) plus
     * {@code prior} times its squared length: convex, so Newton's method with step halving finds it in a few steps.
     */
    static double[] fitBias(double[][] logits, int[] labels, double prior) {
        int k = Category.trainedValues().size();
        double[] bias = new double[k];
        double objective = biasObjective(logits, labels, prior, bias);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < logits.length; i++) {
                double[] q = softmax(logits[i], bias);
                for (int c = 0; c < k; c++) {
                    gradient[c] += q[c] - (labels[i] == c ? 1 : 0);
                    for (int d = 0; d < k; d++) {
                        hessian[c][d] += (c == d ? q[c] : 0) - q[c] * q[d];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                gradient[c] += 2 * prior * bias[c];
                hessian[c][c] += 2 * prior;
            }
            double[] step = solve(hessian, gradient);
            double scale = 1;
            double[] next = new double[k];
            double value;
            do {
                for (int c = 0; c < k; c++) {
                    next[c] = bias[c] - scale * step[c];
                }
                value = biasObjective(logits, labels, prior, next);
                scale /= 2;
            } while (value > objective && scale > 1e-6);
            if (value > objective) {
                break;
            }
            double change = 0;
            for (int c = 0; c < k; c++) {
                change = Math.max(change, Math.abs(next[c] - bias[c]));
            }
            bias = next.clone();
            objective = value;
            if (change < 1e-9) {
                break;
            }
        }
        for (int c = 0; c < k; c++) {
            bias[c] = Math.round(bias[c] * 10_000) / 10_000.0;
        }
        return bias;
    }

    private static double biasObjective(double[][] logits, int[] labels, double prior, double[] bias) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum -= Math.log(Math.max(softmax(logits[i], bias)[labels[i]], 1e-300));
        }
        for (double b : bias) {
            sum += prior * b * b;
        }
        return sum;
    }

    private static double[] softmax(double[] logits, double[] bias) {
        double[] q = new double[logits.length];
        for (int c = 0; c < q.length; c++) {
            q[c] = logits[c] + bias[c];
        }
        return normalised(q, q);
    }

    /** exp(logits), normalised to sum to 1, written into {@code out} (which may be {@code logits}); returns out. */
    private static double[] normalised(double[] logits, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int j = col; j <= n; j++) {
                    m[row][j] -= factor * m[col][j];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int j = row + 1; j < n; j++) {
                sum -= m[row][j] * x[j];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }

    private static long[][] confusion(List<double[]> distributions, List<Category> truth) {
        List<Category> trained = Category.trainedValues();
        long[][] confusion = new long[trained.size()][trained.size()];
        for (int i = 0; i < distributions.size(); i++) {
            confusion[trained.indexOf(truth.get(i))][argmax(distributions.get(i))]++;
        }
        return confusion;
    }

    /**
     * The lowest threshold at which the texts at or above it are at least {@link #TARGET_ACCURACY} right, and never
     * below {@link #MORE_LIKELY_RIGHT}: a verdict whose calibrated probability is under one half is more likely wrong
     * than right, so it is not counted as confident even where the calibration texts are easy. Never a threshold that
     * sends more than {@link #MAX_UNCERTAIN_SHARE} of the texts to review.
     */
    static double threshold(double[] confidences, boolean[] correct) {
        Integer[] order = new Integer[confidences.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(confidences[b], confidences[a]));
        // Walking down from the most confident text, keep the lowest confidence at which the kept texts still meet
        // the target; the cap on the review share then bounds it from above.
        int kept = 0;
        int right = 0;
        double chosen = Double.NaN;
        for (Integer i : order) {
            kept++;
            right += correct[i] ? 1 : 0;
            if ((double) right / kept >= TARGET_ACCURACY) {
                chosen = confidences[i];
            }
        }
        int maxUncertain = (int) Math.floor(MAX_UNCERTAIN_SHARE * confidences.length);
        double cap = confidences[order[Math.max(0, confidences.length - 1 - maxUncertain)]];
        chosen = Double.isNaN(chosen) ? MORE_LIKELY_RIGHT : Math.max(chosen, MORE_LIKELY_RIGHT);
        if (chosen > cap) {
            chosen = cap;
        }
        return round(chosen);
    }

    private static double round(double threshold) {
        return Math.floor(threshold * 1000) / 1000;
    }

    private static double fitTemperature(List<double[]> distributions, List<Category> truth) {
        List<Category> trained = Category.trainedValues();
        int[] labels = truth.stream().mapToInt(trained::indexOf).toArray();
        // Negative log-likelihood is convex in 1/T for a softmax over log-probabilities: golden-section on log T.
        double lo = Math.log(MIN_TEMPERATURE);
        double hi = Math.log(MAX_TEMPERATURE);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(distributions, labels, Math.exp(a));
        double fb = nll(distributions, labels, Math.exp(b));
        for (int i = 0; i < 80; i++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(distributions, labels, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(distributions, labels, Math.exp(b));
            }
        }
        return Math.round(Math.exp((lo + hi) / 2) * 10_000) / 10_000.0;
    }

    private static double nll(List<double[]> distributions, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] p = soften(distributions.get(i).clone(), temperature);
            sum -= Math.log(Math.max(p[labels[i]], 1e-12));
        }
        return sum;
    }

    private static double[] soften(double[] p, double temperature) {
        return soften(p, temperature, new double[p.length]);
    }

    private static double[] soften(double[] p, double temperature, double[] bias) {
        double[] logits = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            logits[i] = Math.log(Math.max(p[i], 1e-300)) / temperature + bias[i];
        }
        return normalised(logits, p);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** One line for people: temperature, threshold and how many texts they were fitted on; the bias. */
    public String summary() {
        return fitted() ? String.format(Locale.ROOT, "temperature %.3f, review threshold %.3f (fitted on %d texts%s)%s",
                temperature, minConfidence, texts, shopTexts == 0 ? ""
                        : "; confusion measured on " + shopTexts + " of the shop's own",
                biased() ? "; log-bias per category " + biasSummary() : "")
                : "not calibrated (review threshold " + minConfidence + ")";
    }

    private String biasSummary() {
        List<String> parts = new ArrayList<>();
        List<Category> trained = Category.trainedValues();
        for (int c = 0; c < trained.size(); c++) {
            parts.add(String.format(Locale.ROOT, "%s %+.2f", trained.get(c).name(), bias[c]));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /**
     * The calibration as manifest text: "temperature;threshold;texts;row,row,...;shopTexts", followed by ";bias bias
     * ..." when there is a bias (so a calibration without one reads as before).
     */
    public String encode() {
        List<String> rows = new ArrayList<>();
        for (long[] row : confusion) {
            rows.add(String.join(" ", Arrays.stream(row).mapToObj(Long::toString).toList()));
        }
        String text = String.format(Locale.ROOT, "%s;%s;%d;%s;%d", temperature, minConfidence, texts,
                String.join(",", rows), shopTexts);
        return biased() ? text + ";" + String.join(" ", Arrays.stream(bias).mapToObj(Double::toString).toList())
                : text;
    }

    /** Reads {@link #encode()}'s text; null gives {@link #none()}. */
    public static Calibration decode(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        String[] parts = text.split(";", -1);
        int n = Category.trainedValues().size();
        if (parts.length < 4 || parts.length > 6) {
            throw new IllegalArgumentException("not a calibration: " + text);
        }
        String[] rows = parts[3].split(",", -1);
        if (rows.length != n) {
            throw new IllegalArgumentException("not a calibration: " + text);
        }
        long[][] confusion = new long[n][];
        for (int i = 0; i < n; i++) {
            confusion[i] = Arrays.stream(rows[i].trim().split(" ")).mapToLong(Long::parseLong).toArray();
            if (confusion[i].length != n) {
                throw new IllegalArgumentException("not a calibration: " + text);
            }
        }
        double[] bias = new double[n];
        if (parts.length == 6) {
            bias = Arrays.stream(parts[5].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            if (bias.length != n) {
                throw new IllegalArgumentException("not a calibration: " + text);
            }
        }
        return new Calibration(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), confusion,
                Integer.parseInt(parts[2]), parts.length >= 5 ? Integer.parseInt(parts[4]) : 0, bias);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.temperature == temperature && c.minConfidence == minConfidence
                && c.texts == texts && c.shopTexts == shopTexts && Arrays.deepEquals(c.confusion, confusion)
                && Arrays.equals(c.bias, bias);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(confusion) * 31 + Double.hashCode(temperature);
    }

    @Override
    public String toString() {
        return encode();
    }
}
