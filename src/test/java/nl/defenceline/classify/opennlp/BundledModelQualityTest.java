package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledTextReader;
import org.junit.jupiter.api.Test;

/**
 * The model the build trains from sample-data/training must stay good on the held-out set (never trained on): a
 * change of training data or features that makes it worse fails the build instead of reaching a nightly run.
 */
class BundledModelQualityTest {

    /** The held-out target of the classifier-quality issue. */
    private static final double MIN_MACRO_F1 = 0.88;

    /** No category may be left behind by a good average. */
    private static final double MIN_F1_PER_CATEGORY = 0.80;

    @Test
    void scoresAtLeastTheTargetOnTheHeldOutSet() {
        Evaluation evaluation = Evaluation.of(OpenNlpClassifierFactory.bundled().create(),
                LabeledTextReader.read(Path.of("sample-data/evaluation/heldout.csv")));
        assertTrue(evaluation.macroF1() >= MIN_MACRO_F1, evaluation.report());
        for (Category category : Category.trainedValues()) {
            assertTrue(evaluation.support(category) >= 40, "at least 40 held-out texts for " + category);
            assertTrue(evaluation.f1(category) >= MIN_F1_PER_CATEGORY, category + "\n" + evaluation.report());
        }
    }
}
