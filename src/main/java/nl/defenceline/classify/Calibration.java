package nl.defenceline.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a model learnt about itself on real labelled text it was not trained on: a temperature that makes its
 * probabilities mean what they say, the confidence threshold below which a text goes to review, and its confusion
 * matrix (true category x best guess), which turns counted best guesses into estimated shares.
 *
 * @param temperature   probabilities become {@code p^(1/T)}, renormalised; 1 leaves them as the model gives them
 * @param minConfidence the threshold recommended for UNCERTAIN, chosen on the calibration texts
 * @param confusion     counts per true category (rows) and best guess (columns), in {@link Category#trainedValues()}
 *                      order; all zero when the model was not calibrated
 * @param texts         how many labelled texts the figures were fitted on (0: not calibrated)
 * @param shopTexts     how many of them are the shop's own labelled texts, on which alone {@code confusion} was then
 *                      measured; 0 when the confusion matrix comes from public texts, which says little about the
 *                      model's mistakes on a shop's inbox, so it does not correct the shares
 */
public record Calibration(double temperature, double minConfidence, long[][] confusion, int texts, int shopTexts)
        implements Serializable {

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

    public Calibration {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
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

    /** Applies the temperature to a probability vector, in place; returns it. */
    public double[] apply(double[] probabilities) {
        if (temperature == 1.0) {
            return probabilities;
        }
        return soften(probabilities, temperature);
    }

    /**
     * Fits a calibration on scored labelled texts: the temperature with the lowest negative log-likelihood, then the
     * threshold and the confusion matrix under that temperature.
     *
     * @param distributions each text's probabilities from the uncalibrated model, in trained-category order
     * @param truth         each text's true category
     */
    public static Calibration fit(List<double[]> distributions, List<Category> truth) {
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("no texts to calibrate on");
        }
        double temperature = fitTemperature(distributions, truth);
        List<double[]> calibrated = distributions.stream().map(d -> soften(d.clone(), temperature)).toList();
        List<Category> trained = Category.trainedValues();
        double[] confidences = new double[calibrated.size()];
        boolean[] correct = new boolean[calibrated.size()];
        for (int i = 0; i < calibrated.size(); i++) {
            int best = argmax(calibrated.get(i));
            confidences[i] = calibrated.get(i)[best];
            correct[i] = trained.get(best) == truth.get(i);
        }
        return new Calibration(temperature, threshold(confidences, correct), confusion(calibrated, truth),
                distributions.size(), 0);
    }

    /**
     * The same calibration with its confusion matrix measured on the shop's own labelled texts alone, which makes it
     * correct the shares of that shop's tickets.
     *
     * @param distributions the shop's texts' probabilities from models that were not trained on them
     */
    public Calibration withShopConfusion(List<double[]> distributions, List<Category> truth) {
        return new Calibration(temperature, minConfidence, confusion(distributions, truth), texts, truth.size());
    }

    /** Whether the confusion matrix was measured on the shop's own texts, so that it can correct shares. */
    public boolean correctsShares() {
        return shopTexts > 0;
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
        double max = Double.NEGATIVE_INFINITY;
        double[] logits = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            logits[i] = Math.log(Math.max(p[i], 1e-300)) / temperature;
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
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

    /** One line for people: temperature, threshold and how many texts they were fitted on. */
    public String summary() {
        return fitted() ? String.format(Locale.ROOT, "temperature %.3f, review threshold %.3f (fitted on %d texts%s)",
                temperature, minConfidence, texts, shopTexts == 0 ? ""
                        : "; shares corrected with the confusion on " + shopTexts + " of the shop's own")
                : "not calibrated (review threshold " + minConfidence + ")";
    }

    /** The calibration as manifest text: "temperature;threshold;texts;row,row,...;shopTexts". */
    public String encode() {
        List<String> rows = new ArrayList<>();
        for (long[] row : confusion) {
            rows.add(String.join(" ", Arrays.stream(row).mapToObj(Long::toString).toList()));
        }
        return String.format(Locale.ROOT, "%s;%s;%d;%s;%d", temperature, minConfidence, texts, String.join(",", rows),
                shopTexts);
    }

    /** Reads {@link #encode()}'s text; null gives {@link #none()}. */
    public static Calibration decode(String text) {
        if (text == null || text.isBlank()) {
            return none();
        }
        String[] parts = text.split(";", -1);
        int n = Category.trainedValues().size();
        if (parts.length != 4 && parts.length != 5) {
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
        return new Calibration(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), confusion,
                Integer.parseInt(parts[2]), parts.length == 5 ? Integer.parseInt(parts[4]) : 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.temperature == temperature && c.minConfidence == minConfidence
                && c.texts == texts && c.shopTexts == shopTexts && Arrays.deepEquals(c.confusion, confusion);
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
