package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.Warning;
import nl.defenceline.classify.Category;
import nl.defenceline.classify.ClassifierFactory;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.TextCleaner;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenNlpClassifierFactoryTest {

    private static final List<LabeledText> SAMPLES = List.of(
            new LabeledText(Category.DELIVERY, "nl", "waar blijft mijn pakket", "inline"),
            new LabeledText(Category.DELIVERY, "en", "my parcel has not arrived", "inline"),
            new LabeledText(Category.DELIVERY, "nl", "pakket niet bezorgd", "inline"),
            new LabeledText(Category.RETURNS, "nl", "hoe kan ik dit retourneren", "inline"),
            new LabeledText(Category.RETURNS, "en", "how do I return this", "inline"),
            new LabeledText(Category.RETURNS, "nl", "retourlabel ontbreekt", "inline"));

    @Test
    void warnsThatAModelWithOtherFeatureGeneratorsIsScoredByOpenNlp(@TempDir Path dir) throws Exception {
        List<DocumentSample> samples = new ArrayList<>();
        for (LabeledText text : SAMPLES) {
            samples.add(new DocumentSample(text.category().name(), TextCleaner.tokens(text.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 10);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        DoccatModel wordsOnly = DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples),
                params, new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
        Path file = dir.resolve("words-only.bin");
        ModelTrainer.write(wordsOnly, file);

        ClassifierFactory factory = OpenNlpClassifierFactory.fromFile(file);

        assertEquals(1, factory.warnings().size(), factory.warnings().toString());
        Warning warning = factory.warnings().get(0);
        assertEquals("warning.categorizer.generators", warning.key());
        assertEquals(List.of(factory.modelVersion(), "[BagOfWordsFeatureGenerator]"), warning.args());
        assertEquals(Category.DELIVERY, factory.create().classify("waar blijft mijn pakket").category());
    }

    @Test
    void hasNoWarningForAModelOfTheFeatureRecipe(@TempDir Path dir) {
        Path file = dir.resolve("model.bin");
        ModelTrainer.write(ModelTrainer.train(SAMPLES, "recipe"), file);

        ClassifierFactory factory = OpenNlpClassifierFactory.fromFile(file);

        assertEquals(List.of(), factory.warnings());
        assertEquals(factory.warnings(), factory.withCalibration(factory.calibration()).warnings());
    }
}
