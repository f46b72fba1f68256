package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final List<Category> TRAINED = Category.trainedValues();

    /**
     * Texts whose true probabilities are {@code sharp}, reported by an overcautious model as {@code sharp^(1/3)}
     * renormalised; the label is drawn from the true probabilities.
     */
    private static void underconfident(List<double[]> reported, List<Category> truth, int texts) {
        Random random = new Random(7);
        for (int t = 0; t < texts; t++) {
            double[] p = new double[TRAINED.size()];
            int favourite = random.nextInt(p.length);
            for (int i = 0; i < p.length; i++) {
                p[i] = i == favourite ? 6 + random.nextDouble() * 4 : random.nextDouble();
            }
            normalise(p);
            double draw = random.nextDouble();
            int label = 0;
            for (double sum = p[0]; sum < draw && label < p.length - 1; sum += p[++label]) {
                // walk to the drawn category
            }
            double[] soft = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                soft[i] = Math.pow(p[i], 1.0 / 3);
            }
            reported.add(normalise(soft));
            truth.add(TRAINED.get(label));
        }
    }

    private static double[] normalise(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    @Test
    void fitsTheTemperatureThatUndoesAnOvercautiousModel() {
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        underconfident(reported, truth, 4000);

        Calibration calibration = Calibration.fit(reported, truth);

        assertEquals(1.0 / 3, calibration.temperature(), 0.05, "p^(1/3) is undone by T = 1/3");
        assertEquals(4000, calibration.texts());
        long counted = 0;
        for (long[] row : calibration.confusion()) {
            for (long n : row) {
                counted += n;
            }
        }
        assertEquals(4000, counted, "every text is in the confusion matrix once");
    }

    @Test
    void sharpensProbabilitiesBelowTemperatureOneAndKeepsTheirOrder() {
        Calibration sharper = new Calibration(0.5, 0.5, Calibration.none().confusion(), 10, 0);
        double[] p = sharper.apply(new double[] {0.5, 0.3, 0.2, 0, 0, 0, 0});
        assertEquals(0.25 / 0.38, p[0], 1e-9);
        assertTrue(p[0] > p[1] && p[1] > p[2]);
    }

    @Test
    void thresholdKeepsTheRestNinetyPercentRightWithoutReviewingMoreThanFifteenPercent() {
        // Twenty texts: the ten most confident are right, then every other one is wrong.
        double[] confidences = new double[20];
        boolean[] correct = new boolean[20];
        for (int i = 0; i < 20; i++) {
            confidences[i] = 0.99 - i * 0.03;
            correct[i] = i < 10 || i % 2 == 0;
        }
        double threshold = Calibration.threshold(confidences, correct);
        int kept = 0;
        int right = 0;
        for (int i = 0; i < 20; i++) {
            if (confidences[i] >= threshold) {
                kept++;
                right += correct[i] ? 1 : 0;
            }
        }
        assertTrue(20 - kept <= 3, "at most 15 % of 20 texts are reviewed, got " + (20 - kept));
        assertEquals(17, kept, "the accuracy target alone would review more, so the cap decides");
        assertTrue((double) right / kept < 0.9);
    }

    @Test
    void thresholdIsAsLowAsTheAccuracyTargetAllows() {
        double[] confidences = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.52, 0.51, 0.3};
        boolean[] correct = {true, true, true, true, true, true, true, true, true, true, false, false};
        assertEquals(0.51, Calibration.threshold(confidences, correct), 1e-9, "10 of 11 right meets the target");
    }

    @Test
    void neverCountsAVerdictThatIsMoreLikelyWrongAsConfident() {
        double[] confidences = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.45};
        boolean[] correct = new boolean[confidences.length];
        java.util.Arrays.fill(correct, true);
        assertEquals(0.5, Calibration.threshold(confidences, correct), 1e-9,
                "all right on easy texts, but a probability under one half stays uncertain");
    }

    @Test
    void survivesTheModelManifest() {
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        underconfident(reported, truth, 200);
        Calibration calibration = Calibration.fit(reported, truth);
        assertEquals(calibration, Calibration.decode(calibration.encode()));
        assertFalse(Calibration.decode(null).fitted());
        assertThrows(IllegalArgumentException.class, () -> Calibration.decode("1.0;0.5;3;1 2"));
    }
}
