package nl.defenceline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void computesPrecisionRecallAndMacroF1OverPresentCategories() {
        Evaluation e = new Evaluation();
        e.add(Category.DELIVERY, Category.DELIVERY);
        e.add(Category.DELIVERY, Category.DELIVERY);
        e.add(Category.DELIVERY, Category.STOCK);
        e.add(Category.STOCK, Category.STOCK);

        assertEquals(1.0, e.precision(Category.DELIVERY), 1e-9);
        assertEquals(2.0 / 3, e.recall(Category.DELIVERY), 1e-9);
        assertEquals(0.5, e.precision(Category.STOCK), 1e-9);
        assertEquals(1.0, e.recall(Category.STOCK), 1e-9);
        double f1Delivery = 2 * (2.0 / 3) / (1 + 2.0 / 3);
        double f1Stock = 2 * 0.5 / 1.5;
        assertEquals((f1Delivery + f1Stock) / 2, e.macroF1(), 1e-9);
        assertEquals(0.75, e.accuracy(), 1e-9);
    }

    @Test
    void calibrationErrorIsTheGapBetweenConfidenceAndAccuracy() {
        Evaluation e = new Evaluation();
        // Ten texts at 0.9 of which 9 right: calibrated. Ten at 0.8 of which 4 right: 0.4 too confident.
        for (int i = 0; i < 10; i++) {
            Category predicted = i < 9 ? Category.DELIVERY : Category.STOCK;
            e.add(Category.DELIVERY, new Classification(predicted, 0.9, Category.OTHER, 0.05, "nl", 3, 0L));
            Category second = i < 4 ? Category.TERMS : Category.OTHER;
            e.add(Category.TERMS, new Classification(second, 0.8, Category.OTHER, 0.1, "nl", 3, 0L));
        }
        assertEquals(0.5 * 0.0 + 0.5 * 0.4, e.calibrationError(), 1e-9);
        assertEquals(0.5, e.uncertainShare(0.85), 1e-9);
        assertEquals(0.9, e.accuracyFrom(0.85), 1e-9);
    }
}
