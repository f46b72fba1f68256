package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareEvaluationTest {

    private static double[] sure(Category best, double probability) {
        double[] p = new double[Category.trainedValues().size()];
        double rest = (1 - probability) / (p.length - 1);
        java.util.Arrays.fill(p, rest);
        p[Category.trainedValues().indexOf(best)] = probability;
        return p;
    }

    @Test
    void anUncertainBarCountsAsShareThatNoTrueCategoryHas() {
        ShareEvaluation shares = new ShareEvaluation(ShareEstimator.counting(), 0.85);
        // Ten DELIVERY texts, all guessed right, nine of them at 0.9 and one at 0.6 (below the threshold).
        for (int i = 0; i < 10; i++) {
            shares.add(Category.DELIVERY, sure(Category.DELIVERY, i < 9 ? 0.9 : 0.6));
        }

        Map<ShareEvaluation.Method, Double> natural = shares.onTheTextsMix();

        assertEquals(0.0, natural.get(ShareEvaluation.Method.COUNTED), 1e-9, "every best guess is right");
        assertEquals(0.1, natural.get(ShareEvaluation.Method.COUNTED_WITH_UNCERTAIN), 1e-9,
                "a tenth of the texts is in the UNCERTAIN bar");
        assertEquals(0.0, natural.get(ShareEvaluation.Method.ADJUSTED), 1e-9, "uncalibrated: plain counting");
        assertTrue(natural.get(ShareEvaluation.Method.PROBABILITIES) > 0, "probabilities spread over the others");
    }
}
