package nl.defenceline.classify.opennlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.defenceline.classify.LabeledText;
import nl.defenceline.classify.LabeledTextReader;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.Test;

class FastLanguageDetectorTest {

    @Test
    void agreesWithOpenNlpsDetectorOnEveryTrainingAndEvaluationText() throws Exception {
        LanguageDetectorModel model;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
        FastLanguageDetector.Compiled compiled = FastLanguageDetector.compile(model);
        assertNotNull(compiled, "OpenNLP's default language model is one the fast detector reproduces");
        FastLanguageDetector fast = new FastLanguageDetector(compiled);
        LanguageDetectorME reference = new LanguageDetectorME(model);
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("sample-data/training", "sample-data/evaluation")) {
            LabeledTextReader.read(Path.of(folder)).stream().map(LabeledText::text).forEach(texts::add);
        }
        texts.addAll(List.of("", "😀😀 https://example.com @shop #sale 12345", "Ünïcödé ÀÉÎ straße",
                "Je n'ai pas reçu ma commande", "Wann kommt meine Bestellung?", "¿Dónde está mi pedido?"));
        int disagreements = 0;
        StringBuilder examples = new StringBuilder();
        for (String text : texts) {
            String expected = reference.predictLanguage(text).getLang();
            String actual = fast.predictLanguage(text);
            if (!expected.equals(actual)) {
                disagreements++;
                examples.append("\n").append(expected).append(" vs ").append(actual).append(": ").append(text);
            }
        }
        assertEquals(0, disagreements, texts.size() + " texts" + examples);
    }
}
