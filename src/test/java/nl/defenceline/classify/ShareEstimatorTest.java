package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShareEstimatorTest {

    /** An estimator for a model that takes a third of the DELIVERY texts for TERMS and is right on everything else. */
    private static ShareEstimator correcting() {
        int n = Category.trainedValues().size();
        long[][] confusion = new long[n][n];
        for (int i = 0; i < n; i++) {
            confusion[i][i] = 300;
        }
        int delivery = Category.trainedValues().indexOf(Category.DELIVERY);
        int terms = Category.trainedValues().indexOf(Category.TERMS);
        confusion[delivery][delivery] = 200;
        confusion[delivery][terms] = 100;
        return ShareEstimator.correcting(confusion);
    }

    private static long[] counts() {
        return new long[Category.trainedValues().size()];
    }

    @Test
    void movesTheTextsTheModelKnowinglyMisplacesBackToTheirCategory() {
        // 600 DELIVERY and 300 TERMS texts in truth: the model guesses 400 DELIVERY and 500 TERMS.
        long[] guesses = counts();
        guesses[Category.trainedValues().indexOf(Category.DELIVERY)] = 400;
        guesses[Category.trainedValues().indexOf(Category.TERMS)] = 500;

        ShareEstimator.Shares shares = correcting().estimate(guesses);

        assertEquals(600.0 / 900, shares.share(Category.DELIVERY), 0.02);
        assertEquals(300.0 / 900, shares.share(Category.TERMS), 0.02);
        assertTrue(shares.low(Category.DELIVERY) < shares.share(Category.DELIVERY)
                && shares.share(Category.DELIVERY) < shares.high(Category.DELIVERY));
        double[] counted = ShareEstimator.counted(guesses);
        double[] truth = new double[counted.length];
        truth[Category.trainedValues().indexOf(Category.DELIVERY)] = 600.0 / 900;
        truth[Category.trainedValues().indexOf(Category.TERMS)] = 300.0 / 900;
        assertTrue(ShareEstimator.distance(shares.share(), truth) < ShareEstimator.distance(counted, truth));
    }

    @Test
    void theRunsEstimatorCountsBestGuessesWithASamplingInterval() {
        long[] guesses = {50, 0, 30, 0, 20, 0, 0};
        ShareEstimator.Shares shares = ShareEstimator.counting().estimate(guesses);
        assertFalse(ShareEstimator.counting().adjusted());
        assertArrayEquals(new double[] {0.5, 0, 0.3, 0, 0.2, 0, 0}, shares.share(), 1e-9);
        assertTrue(shares.low(Category.PRODUCT_INFO) < 0.5 && 0.5 < shares.high(Category.PRODUCT_INFO));
        assertEquals(0.0, shares.high(Category.PRICE_PAYMENT), "a category never guessed has no interval to speak of");
    }

    @Test
    void noTextsMeansZeroSharesNotAnError() {
        ShareEstimator.Shares shares = correcting().estimate(new long[7]);
        assertEquals(0.0, shares.share(Category.STOCK));
        assertEquals(0.0, shares.high(Category.STOCK));
    }

    @Test
    void fewerTextsGiveWiderIntervals() {
        long[] many = {700, 100, 300, 200, 400, 250, 50};
        long[] few = {14, 2, 6, 4, 8, 5, 1};
        ShareEstimator estimator = correcting();
        ShareEstimator.Shares wide = estimator.estimate(few);
        ShareEstimator.Shares narrow = estimator.estimate(many);
        assertTrue(wide.high(Category.PRODUCT_INFO) - wide.low(Category.PRODUCT_INFO)
                > narrow.high(Category.PRODUCT_INFO) - narrow.low(Category.PRODUCT_INFO));
    }
}
