package nl.defenceline.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How far estimated category shares are from the true ones (total variation distance), for each way of estimating
 * them: on the labelled texts' own mix, and averaged over samples with other mixes drawn at random (the artificial
 * prevalence protocol of quantification research), since every shop's inbox has a mix of its own.
 */
public final class ShareEvaluation {

    /** Ways of turning classified texts into category shares. */
    public enum Method {
        /** Each text counts for its best category; the uncertain ones too. */
        COUNTED,
        /** Only texts at or above the review threshold count; the rest form an UNCERTAIN bar of their own. */
        COUNTED_WITH_UNCERTAIN,
        /** Counted best guesses corrected with the calibration's confusion matrix, whatever texts it came from. */
        ADJUSTED,
        /** The mean of the texts' calibrated probabilities. */
        PROBABILITIES
    }

    /** Samples drawn for the random mixes, and texts per sample. */
    static final int SAMPLES = 300;
    static final int SAMPLE_SIZE = 300;

    private final List<Category> truth = new ArrayList<>();
    private final List<double[]> probabilities = new ArrayList<>();
    private final ShareEstimator estimator;
    private final double threshold;

    public ShareEvaluation(ShareEstimator estimator, double threshold) {
        this.estimator = estimator;
        this.threshold = threshold;
    }

    /** Adds one labelled text with its calibrated probabilities (in {@link Category#trainedValues()} order). */
    public void add(Category expected, double[] calibrated) {
        truth.add(expected);
        probabilities.add(calibrated);
    }

    /** Distance per method on the texts as they are. */
    public Map<Method, Double> onTheTextsMix() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            all.add(i);
        }
        return distances(all);
    }

    /**
     * Mean distance per method over {@link #SAMPLES} samples of {@link #SAMPLE_SIZE} texts, each drawn (with
     * replacement) with category shares from a flat Dirichlet, so every mix is as likely as any other.
     */
    public Map<Method, Double> overRandomMixes() {
        List<Category> trained = Category.trainedValues();
        List<List<Integer>> byCategory = new ArrayList<>();
        for (int c = 0; c < trained.size(); c++) {
            byCategory.add(new ArrayList<>());
        }
        for (int i = 0; i < truth.size(); i++) {
            byCategory.get(trained.indexOf(truth.get(i))).add(i);
        }
        Random random = new Random(42);
        Map<Method, Double> sums = new EnumMap<>(Method.class);
        for (int s = 0; s < SAMPLES; s++) {
            double[] mix = new double[trained.size()];
            double total = 0;
            for (int c = 0; c < mix.length; c++) {
                mix[c] = byCategory.get(c).isEmpty() ? 0 : -Math.log(1 - random.nextDouble());
                total += mix[c];
            }
            List<Integer> sample = new ArrayList<>();
            for (int k = 0; k < SAMPLE_SIZE; k++) {
                double draw = random.nextDouble() * total;
                int c = 0;
                while (c < mix.length - 1 && (draw -= mix[c]) > 0) {
                    c++;
                }
                while (byCategory.get(c).isEmpty()) {
                    c = (c + 1) % mix.length;
                }
                List<Integer> pool = byCategory.get(c);
                sample.add(pool.get(random.nextInt(pool.size())));
            }
            distances(sample).forEach((method, d) -> sums.merge(method, d / SAMPLES, Double::sum));
        }
        return sums;
    }

    private Map<Method, Double> distances(List<Integer> texts) {
        List<Category> trained = Category.trainedValues();
        int n = trained.size();
        double[] trueShares = new double[n];
        long[] guesses = new long[n];
        double[] confident = new double[n];
        double uncertain = 0;
        List<double[]> selected = new ArrayList<>();
        for (int i : texts) {
            double[] p = probabilities.get(i);
            int best = Calibration.argmax(p);
            trueShares[trained.indexOf(truth.get(i))] += 1.0 / texts.size();
            guesses[best]++;
            if (p[best] >= threshold) {
                confident[best] += 1.0 / texts.size();
            } else {
                uncertain += 1.0 / texts.size();
            }
            selected.add(p);
        }
        Map<Method, Double> distances = new EnumMap<>(Method.class);
        distances.put(Method.COUNTED, ShareEstimator.distance(ShareEstimator.counted(guesses), trueShares));
        distances.put(Method.COUNTED_WITH_UNCERTAIN,
                ShareEstimator.distance(confident, trueShares) + uncertain / 2);
        distances.put(Method.ADJUSTED, ShareEstimator.distance(estimator.point(guesses), trueShares));
        distances.put(Method.PROBABILITIES,
                ShareEstimator.distance(ShareEstimator.meanProbabilities(selected), trueShares));
        return distances;
    }
}
