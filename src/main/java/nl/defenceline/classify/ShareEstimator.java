package nl.defenceline.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Estimates each category's share of all texts from the counts of the model's best guesses: plainly counted (what a
 * run reports), or corrected for the model's known mistakes (adjusted classify-and-count, to compare methods): the
 * shares {@code p} are the maximum-likelihood solution of {@code guesses ~ p x M}, with {@code M} a confusion matrix
 * as rates, found by EM. Counting only confident texts would drop the hard ones, which are not spread like the easy
 * ones, so every text counts by its best guess. The interval is a Poisson bootstrap over the run's counts and, when
 * correcting, the confusion counts, so a matrix measured on few texts gives wide intervals.
 */
public final class ShareEstimator {

    /** Bootstrap replicates behind each interval. */
    static final int REPLICATES = 400;

    /** Per-row smoothing of the confusion counts, so an unseen mistake is unlikely rather than impossible. */
    private static final double SMOOTHING = 0.5;

    private static final int MAX_ITERATIONS = 2_000;
    private static final double TOLERANCE = 1e-10;

    /** Shares per trained category (in {@link Category#trainedValues()} order) with a 95 % interval each. */
    public record Shares(double[] share, double[] low, double[] high) {
        public double share(Category c) {
            return share[Category.trainedValues().indexOf(c)];
        }

        public double low(Category c) {
            return low[Category.trainedValues().indexOf(c)];
        }

        public double high(Category c) {
            return high[Category.trainedValues().indexOf(c)];
        }
    }

    private final long[][] confusion;
    private final boolean adjusted;

    private ShareEstimator(long[][] confusion, boolean adjusted) {
        this.confusion = confusion;
        this.adjusted = adjusted;
    }

    /**
     * Best guesses counted: what a run reports. Measured on real text, correcting did worse than counting both with the
     * bundled model on a source it had not seen and with a shop's model on that shop's held-out labels.
     */
    public static ShareEstimator counting() {
        int n = Category.trainedValues().size();
        return new ShareEstimator(new long[n][n], false);
    }

    /** An estimator that corrects with this confusion matrix whatever texts it was measured on, to compare methods. */
    public static ShareEstimator correcting(long[][] confusion) {
        return new ShareEstimator(confusion, true);
    }

    /** Whether the estimate corrects for the model's mistakes (false: plain counting of best guesses). */
    public boolean adjusted() {
        return adjusted;
    }

    /**
     * @param guesses number of texts per best-guess category, in {@link Category#trainedValues()} order
     */
    public Shares estimate(long[] guesses) {
        int n = Category.trainedValues().size();
        if (guesses.length != n) {
            throw new IllegalArgumentException("expected " + n + " counts, got " + guesses.length);
        }
        double[] counts = Arrays.stream(guesses).asDoubleStream().toArray();
        double total = Arrays.stream(counts).sum();
        if (total == 0) {
            double[] zero = new double[n];
            return new Shares(zero, zero.clone(), zero.clone());
        }
        double[] share = point(guesses);
        Random random = new Random(42);
        double[][] replicates = new double[n][REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                c[j] = poisson(random, counts[j]);
            }
            double[] p = Arrays.stream(c).sum() == 0 ? share : solve(c, rates(adjusted ? resampled(random) : confusion));
            for (int i = 0; i < n; i++) {
                replicates[i][r] = p[i];
            }
        }
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.sort(replicates[i]);
            low[i] = Math.min(share[i], replicates[i][(int) Math.floor(0.025 * (REPLICATES - 1))]);
            high[i] = Math.max(share[i], replicates[i][(int) Math.ceil(0.975 * (REPLICATES - 1))]);
        }
        return new Shares(share, low, high);
    }

    /** The confusion counts drawn again, for the bootstrap of a correcting estimate. */
    private long[][] resampled(Random random) {
        int n = confusion.length;
        long[][] m = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (long) poisson(random, confusion[i][j]);
            }
        }
        return m;
    }

    /** The estimate alone, without its interval. */
    public double[] point(long[] guesses) {
        double[] counts = Arrays.stream(guesses).asDoubleStream().toArray();
        return Arrays.stream(counts).sum() == 0 ? new double[counts.length] : solve(counts, rates(confusion));
    }

    /** Row-normalised, smoothed confusion rates; the identity when not adjusting. */
    private double[][] rates(long[][] counts) {
        int n = counts.length;
        double[][] rates = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (!adjusted) {
                rates[i][i] = 1;
                continue;
            }
            double row = Arrays.stream(counts[i]).sum() + SMOOTHING * n;
            for (int j = 0; j < n; j++) {
                rates[i][j] = (counts[i][j] + SMOOTHING) / row;
            }
        }
        return rates;
    }

    /** EM for the shares of a mixture whose components' guess distributions are the rows of {@code rates}. */
    static double[] solve(double[] guesses, double[][] rates) {
        int n = guesses.length;
        double total = Arrays.stream(guesses).sum();
        double[] p = new double[n];
        Arrays.fill(p, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                if (guesses[j] == 0) {
                    continue;
                }
                double mix = 0;
                for (int i = 0; i < n; i++) {
                    mix += p[i] * rates[i][j];
                }
                for (int i = 0; i < n; i++) {
                    next[i] += guesses[j] * p[i] * rates[i][j] / mix;
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= total;
                change += Math.abs(next[i] - p[i]);
            }
            p = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return p;
    }

    /** A Poisson draw: exact for small means, normal above, where the two no longer differ for counting. */
    private static double poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** Probabilistic classify-and-count: the mean of the texts' calibrated probabilities per category. */
    public static double[] meanProbabilities(List<double[]> probabilities) {
        int n = Category.trainedValues().size();
        double[] mean = new double[n];
        for (double[] p : probabilities) {
            for (int i = 0; i < n; i++) {
                mean[i] += p[i] / probabilities.size();
            }
        }
        return mean;
    }

    /** Total variation distance between two share vectors: half the sum of absolute differences. */
    public static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / 2;
    }

    /** The shares of plain counting, for comparison. */
    public static double[] counted(long[] guesses) {
        double total = Arrays.stream(guesses).sum();
        return Arrays.stream(guesses).mapToDouble(g -> total == 0 ? 0 : g / total).toArray();
    }
}
