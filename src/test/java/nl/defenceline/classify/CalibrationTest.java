package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
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
        double[] p = sharper.apply(new double[] {0.5, 0.3, 0.2, 0, 0, 0, 0}, new int[] {0, 1, 2, 3, 4, 5, 6});
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
        Arrays.fill(correct, true);
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

    /**
     * A shop whose texts are 70 % the second category, scored by a model that gives each text its evidence as if the
     * categories were equally frequent: a text looks like its category half the time, else like any category, so the
     * model gives 0.5 + 0.5 / 7 to the category it looks like and 0.5 / 7 to each of the others.
     */
    private static void shopWithItsOwnMix(List<double[]> reported, List<Category> truth, int texts, long seed) {
        Random random = new Random(seed);
        for (int t = 0; t < texts; t++) {
            int label = random.nextDouble() < 0.7 ? 1 : random.nextInt(TRAINED.size());
            int looksLike = random.nextDouble() < 0.5 ? label : random.nextInt(TRAINED.size());
            double[] p = new double[TRAINED.size()];
            Arrays.fill(p, 0.5 / p.length);
            p[looksLike] += 0.5;
            reported.add(p);
            truth.add(TRAINED.get(label));
        }
    }

    @Test
    void shopBiasFavoursTheShopsFrequentCategoryAndGetsMoreOfItsTextsRight() {
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        shopWithItsOwnMix(reported, truth, 300, 11);
        Calibration plain = new Calibration(1.0, 0.5, Calibration.none().confusion(), 300, 0);
        Calibration shop = plain.withShopBias(reported, truth, true);
        assertTrue(shop.biased());
        for (int c = 0; c < TRAINED.size(); c++) {
            if (c != 1) {
                assertTrue(shop.bias()[1] > shop.bias()[c], "the shop's frequent category gets the largest bias");
            }
        }
        assertEquals(300, shop.shopTexts());
        List<double[]> test = new ArrayList<>();
        List<Category> testTruth = new ArrayList<>();
        shopWithItsOwnMix(test, testTruth, 1000, 12);
        int[] identity = {0, 1, 2, 3, 4, 5, 6};
        int plainRight = 0;
        int shopRight = 0;
        for (int i = 0; i < test.size(); i++) {
            int truthIndex = TRAINED.indexOf(testTruth.get(i));
            plainRight += Calibration.argmax(plain.apply(test.get(i).clone(), identity)) == truthIndex ? 1 : 0;
            shopRight += Calibration.argmax(shop.apply(test.get(i).clone(), identity)) == truthIndex ? 1 : 0;
        }
        assertTrue(shopRight > plainRight + 50, "with the bias " + shopRight + " of 1000 right, without " + plainRight);
    }

    @Test
    void shopBiasKeepsACategoryTheLabelsLackWithinReach() {
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        shopWithItsOwnMix(reported, truth, 60, 13);
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i) == TRAINED.get(6)) {
                truth.set(i, TRAINED.get(1));
            }
        }
        double[] bias = new Calibration(1.0, 0.5, Calibration.none().confusion(), 60, 0)
                .withShopBias(reported, truth, false).bias();
        assertTrue(bias[6] < 0 && bias[6] > -3, "the prior keeps an unseen category's bias finite, got " + bias[6]);
    }

    @Test
    void biasIsAddedToTheOutcomesCategoryWhateverTheModelsOutcomeOrder() {
        double[] bias = new double[TRAINED.size()];
        bias[2] = Math.log(3);
        Calibration calibration = new Calibration(1.0, 0.5, Calibration.none().confusion(), 10, 0, bias);
        // a model whose first outcome is category 2 and second category 0
        double[] p = calibration.apply(new double[] {0.25, 0.75}, new int[] {2, 0});
        assertEquals(0.5, p[0], 1e-9);
        assertEquals(0.5, p[1], 1e-9);
    }

    @Test
    void shopBiasSurvivesTheModelManifestAndNoBiasReadsAsBefore() {
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        shopWithItsOwnMix(reported, truth, 120, 14);
        Calibration shop = new Calibration(0.8, 0.5, Calibration.none().confusion(), 500, 0)
                .withShopBias(reported, truth, true);
        assertEquals(shop, Calibration.decode(shop.encode()));
        Calibration unbiased = new Calibration(0.8, 0.6, Calibration.none().confusion(), 500, 0);
        assertEquals(5, unbiased.encode().split(";", -1).length, "a calibration without a bias is written as before");
        assertEquals(unbiased, Calibration.decode(unbiased.encode()));
    }

    @Test
    void fitsABiasAgainstACategoryTheModelGuessesTooOftenAndNoneWithoutAGain() {
        // 100 texts of category 0 and 100 of category 1; the model puts 40 of category 1 just under category 0.
        List<double[]> reported = new ArrayList<>();
        List<Category> truth = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
            double[] p = new double[TRAINED.size()];
            Arrays.fill(p, 0.01);
            boolean second = t >= 100;
            p[0] = second && t < 140 ? 0.50 : second ? 0.20 : 0.80;
            p[1] = second && t < 140 ? 0.40 : second ? 0.70 : 0.10;
            normalise(p);
            reported.add(p);
            truth.add(TRAINED.get(second ? 1 : 0));
        }
        Calibration calibration = Calibration.fit(reported, truth);
        assertTrue(calibration.bias()[1] - calibration.bias()[0] > 0, Arrays.toString(calibration.bias()));
        long[][] confusion = calibration.confusion();
        assertEquals(100, confusion[0][0], "category 0's texts stay right");
        assertEquals(100, confusion[1][1], "category 1's texts are all right under the bias");

        List<double[]> clear = new ArrayList<>(reported.subList(0, 100));
        clear.addAll(reported.subList(140, 200));
        List<Category> clearTruth = new ArrayList<>(truth.subList(0, 100));
        clearTruth.addAll(truth.subList(140, 200));
        assertFalse(Calibration.fit(clear, clearTruth).biased(), "every guess right already: no bias");
    }
}
