package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
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

class FastDoccatScorerTest {

    @Test
    void givesExactlyOpenNlpsProbabilitiesForTheBundledModel() throws Exception {
        DoccatModel model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OpenNlpClassifierFactory.BUNDLED_MODEL)) {
            model = new DoccatModel(in);
        }
        FastDoccatScorer.Compiled table = FastDoccatScorer.compile(model);
        assertNotNull(table, "the bundled model's features are the fast scorer's");
        FastDoccatScorer fast = new FastDoccatScorer(table);
        DocumentCategorizerME reference = new DocumentCategorizerME(model);
        List<String> texts = new ArrayList<>();
        LabeledTextReader.read(Path.of("sample-data/evaluation")).forEach(t -> texts.add(t.text()));
        texts.addAll(List.of("", "x", "ÀÉÎ ümlaut café", "a b", "😀 emoji tekst 😀", "<c=>:bow=ng=:", "ab".repeat(500)));
        for (String text : texts) {
            String[] tokens = TextCleaner.tokens(text);
            assertArrayEquals(reference.categorize(tokens), fast.score(tokens), 0.0, text);
        }
    }

    @Test
    void leavesAModelWithOtherFeaturesToOpenNlp() throws Exception {
        List<DocumentSample> samples = new ArrayList<>();
        for (LabeledText t : LabeledTextReader.read(Path.of("sample-data/evaluation"))) {
            samples.add(new DocumentSample(t.category().name(), TextCleaner.tokens(t.text())));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 10);
        DoccatModel wordsOnly = DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples),
                params, new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
        assertNull(FastDoccatScorer.compile(wordsOnly));
        // and the classifier still gives OpenNLP's answer for it
        OpenNlpClassifier classifier = new OpenNlpClassifier(wordsOnly);
        DocumentCategorizerME reference = new DocumentCategorizerME(wordsOnly);
        String text = "Waar blijft mijn pakket? Het is nog steeds niet bezorgd.";
        double[] expected = reference.categorize(TextCleaner.tokens(text));
        int best = 0;
        for (int i = 1; i < expected.length; i++) {
            best = expected[i] > expected[best] ? i : best;
        }
        assertArrayEquals(new double[] {expected[best]},
                new double[] {classifier.classify(text).probability()}, 0.0);
    }
}
