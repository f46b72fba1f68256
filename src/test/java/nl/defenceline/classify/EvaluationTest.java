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
}
