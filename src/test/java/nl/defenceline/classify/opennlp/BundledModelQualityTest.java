package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.Evaluation;
import nl.defenceline.classify.LabeledReason;
import nl.defenceline.classify.LabeledReasonReader;
import nl.defenceline.classify.LabeledTextReader;
import nl.defenceline.classify.ReasonClassifier;
import nl.defenceline.classify.ReasonEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The model the build trains must stay good on real, human-written text it was never trained on, and must still know
 * texts like its training texts: a change of training data or features that makes it worse fails the build instead
 * of reaching a nightly run. The floors sit a little below the measured figures (README, "Quality on real text").
 */
class BundledModelQualityTest {

    private static final double MIN_REAL_MACRO_F1 = 0.75;
    private static final double MIN_REAL_F1_PER_CATEGORY = 0.60;
    private static final double MIN_HELD_OUT_MACRO_F1 = 0.88;
    /** The return-reason model on its real-text set (README, "Return reasons"), measured at 0.589. */
    private static final double MIN_REASONS_REAL_MACRO_F1 = 0.56;

    @Test
    void scoresAtLeastTheFloorOnRealText() {
        Evaluation evaluation = Evaluation.of(OpenNlpClassifierFactory.bundled().create(),
                LabeledTextReader.read(Path.of("sample-data/evaluation/real/real.csv")));
        assertTrue(evaluation.macroF1() >= MIN_REAL_MACRO_F1, evaluation.report());
        for (Category category : Category.trainedValues()) {
            assertTrue(evaluation.support(category) >= 40, "at least 40 real texts for " + category);
            assertTrue(evaluation.f1(category) >= MIN_REAL_F1_PER_CATEGORY, category + "\n" + evaluation.report());
        }
    }

    @Test
    void stillKnowsTextsLikeItsTrainingTexts() {
        Evaluation evaluation = Evaluation.of(OpenNlpClassifierFactory.bundled().create(),
                LabeledTextReader.read(Path.of("sample-data/evaluation/heldout.csv")));
        assertTrue(evaluation.macroF1() >= MIN_HELD_OUT_MACRO_F1, evaluation.report());
    }

    @Test
    void isCalibrated() {
        assertTrue(OpenNlpClassifierFactory.bundled().calibration().fitted(),
                "the build calibrates the model on the real texts");
    }

    @Test
    void theReturnReasonModelScoresAtLeastItsFloorOnRealText() {
        ReasonClassifier classifier = OpenNlpReasonClassifierFactory.bundled().create();
        ReasonEvaluation evaluation = new ReasonEvaluation();
        for (LabeledReason text : LabeledReasonReader.read(Path.of("sample-data/evaluation/returns-reasons"))) {
            evaluation.add(text.reason(), classifier.classify(text.text()));
        }
        assertTrue(evaluation.macroF1() >= MIN_REASONS_REAL_MACRO_F1, evaluation.report());
    }
}
